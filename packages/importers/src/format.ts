import type { Asset, Finding } from './finding.ts';

/** What one parser returns before the registry merges duplicates and maps requirements. */
export interface ParsedFile {
  readonly tool: string;
  readonly toolVersion?: string;
  readonly findings: readonly Finding[];
  readonly assets: readonly Asset[];
}

export interface ParseOptions {
  /** ISO timestamp used as firstSeen/lastSeen. */
  readonly now: string;
  /** Called now and then by streaming parsers: input consumed so far (bytes, or characters of a text) and findings. */
  readonly onProgress?: ((consumed: number, findings: number) => void) | undefined;
}

/** One supported tool output. `detect` looks at content only (the first 64 KiB as text), never at a file name. */
export interface Format {
  readonly name: string;
  readonly label: string;
  /** Versions and shapes covered, for the README and the API. */
  readonly versions: string;
  detect(sample: string): boolean;
  /** Parses a whole document held in memory. Throws a DomainError; never returns a partial result. */
  parse(content: string, options: ParseOptions): ParsedFile;
  /** Optional streaming path for large files (SARIF, Nmap). */
  parseFile?(path: string, options: ParseOptions): Promise<ParsedFile>;
}
