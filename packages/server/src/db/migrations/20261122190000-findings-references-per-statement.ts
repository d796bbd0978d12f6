import { sql, type Kysely } from 'kysely';

// A finding's engagement, asset and import are checked once per statement instead of once per row. The three
// foreign keys cost PostgreSQL about 3 µs each per row, so about 3 CPU seconds of a 300,000-finding import whose
// engagement and import are the same for every row and whose assets are a handful; the trigger that replaces them
// costs about 0.35 s there (most of it keeping the statement's rows for it). One statement-level trigger per
// event reads the statement's rows (transition table), takes the distinct references, locks those parents FOR KEY
// SHARE as a foreign key would (no concurrent delete or re-key until commit) and checks them: a finding must name an
// engagement of its own organisation, an asset of its organisation and engagement (or of none), and an import of its
// engagement. That is stricter than the dropped keys, which checked only that the asset and import existed.
// The parents' side of the keys (deleting or re-keying a row that findings still name fails) is kept by row triggers
// on engagements, assets and imports, which rarely change; they look among the findings of the parent's own
// organisation only (its index), since no other may name it. backup/tables.ts lists these references so that a
// restore still inserts the parents first.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table findings
    drop constraint findings_engagement_fkey,
    drop constraint findings_asset_id_fkey,
    drop constraint findings_import_id_fkey`.execute(db);
  await sql`
    create function mica_findings_check_references() returns trigger language plpgsql as $$
    declare
      orgs text[];
      engs text[];
      asset_ids text[];
      import_ids text[];
      bad record;
    begin
      select array_agg(organisation_id), array_agg(engagement_id), array_agg(asset_id), array_agg(import_id)
        into orgs, engs, asset_ids, import_ids
        from (select distinct organisation_id, engagement_id, asset_id, import_id from new_rows) k;
      if orgs is null then
        return null;
      end if;
      perform 1 from engagements x where x.id = any(engs) for key share;
      perform 1 from assets x where x.id = any(asset_ids) for key share;
      perform 1 from imports x where x.id = any(import_ids) for key share;
      select k.o, k.e, k.a, k.i into bad
        from unnest(orgs, engs, asset_ids, import_ids) as k(o, e, a, i)
        where not exists (select 1 from engagements x where x.organisation_id = k.o and x.id = k.e)
          or (k.a is not null and not exists (select 1 from assets x where x.id = k.a
                and x.organisation_id = k.o and (x.engagement_id is null or x.engagement_id = k.e)))
          or (k.i is not null and not exists (select 1 from imports x where x.id = k.i
                and x.organisation_id = k.o and x.engagement_id = k.e))
        limit 1;
      if found then
        raise exception 'findings: no engagement %, asset % or import % of organisation % to refer to',
            bad.e, coalesce(bad.a, '(none)'), coalesce(bad.i, '(none)'), bad.o
          using errcode = 'foreign_key_violation', table = 'findings';
      end if;
      return null;
    end $$`.execute(db);
  // A trigger with a transition table handles one event, hence two.
  await sql`create trigger findings_references_insert after insert on findings
    referencing new table as new_rows for each statement execute function mica_findings_check_references()`.execute(
    db,
  );
  await sql`create trigger findings_references_update after update on findings
    referencing new table as new_rows for each statement execute function mica_findings_check_references()`.execute(
    db,
  );
  await sql`
    create function mica_findings_guard_parent() returns trigger language plpgsql as $$
    declare
      named boolean;
    begin
      if TG_TABLE_NAME = 'engagements' then
        if TG_OP = 'UPDATE' and (old.organisation_id, old.id) = (new.organisation_id, new.id) then
          return null;
        end if;
        select exists (select 1 from findings f where f.organisation_id = old.organisation_id
          and f.engagement_id = old.id) into named;
      elsif TG_TABLE_NAME = 'assets' then
        if TG_OP = 'UPDATE' and (old.organisation_id, old.id) = (new.organisation_id, new.id)
            and old.engagement_id is not distinct from new.engagement_id then
          return null;
        end if;
        select exists (select 1 from findings f where f.organisation_id = old.organisation_id
          and f.asset_id = old.id) into named;
      else
        if TG_OP = 'UPDATE' and (old.organisation_id, old.engagement_id, old.id)
            = (new.organisation_id, new.engagement_id, new.id) then
          return null;
        end if;
        select exists (select 1 from findings f where f.organisation_id = old.organisation_id
          and f.import_id = old.id) into named;
      end if;
      if named then
        raise exception 'findings: % % is still named by findings; unlink them first', TG_TABLE_NAME, old.id
          using errcode = 'foreign_key_violation', table = TG_TABLE_NAME;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger engagements_findings_guard after delete or update of organisation_id, id on engagements
    for each row execute function mica_findings_guard_parent()`.execute(db);
  await sql`create trigger assets_findings_guard after delete or update of organisation_id, engagement_id, id
    on assets for each row execute function mica_findings_guard_parent()`.execute(db);
  await sql`create trigger imports_findings_guard after delete or update of organisation_id, engagement_id, id
    on imports for each row execute function mica_findings_guard_parent()`.execute(db);
}
