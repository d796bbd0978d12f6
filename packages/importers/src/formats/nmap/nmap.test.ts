import { describe, expect, it } from 'vitest';
import { NOW, fixture } from '../../../test/helpers.ts';
import { parseContent } from '../../registry.ts';
import { describeContract } from '../contract.case.ts';
import { describeSamples, findingOf } from '../samples.case.ts';
import { nmap } from './index.ts';

describeContract(nmap, ['nmap.xml']);

describe('nmap: hosts, services and exposure findings', () => {
  const r = parseContent(fixture('nmap.xml'), { now: NOW });

  it('ignores down hosts and closed ports', () => {
    expect(r.assets.some((a) => a.key === '10.0.0.1')).toBe(false);
    expect(r.findings.some((f) => f.location.kind === 'host' && f.location.port === 443)).toBe(false);
  });

  it('produces host and service assets', () => {
    const host = r.assets.find((a) => a.kind === 'host');
    expect(host).toMatchObject({ key: '10.0.0.2', name: 'wallet-api.example.com' });
    expect(host?.details).toMatchObject({
      mac: '00:11:22:33:44:55',
      vendor: 'Example Corp',
      os: 'Linux 4.15',
    });
    expect(r.assets.filter((a) => a.kind === 'service').map((a) => a.key)).toEqual([
      '10.0.0.2:22/tcp',
      '10.0.0.2:23/tcp',
    ]);
  });

  it('rates risky open services and reads vulners and vulnerable NSE output', () => {
    expect(
      findingOf(r, (f) => f.ruleId === 'open-port' && f.location.kind === 'host' && f.location.port === 23)
        .severity,
    ).toBe('high');
    const vulners = findingOf(r, (f) => f.ruleId === 'nse:vulners');
    expect(vulners.cve).toEqual(['CVE-2016-10012', 'CVE-2018-15919']);
    expect(vulners.severity).toBe('high'); // max CVSS 7.8
    const ms17 = findingOf(r, (f) => f.ruleId === 'nse:smb-vuln-ms17-010');
    expect(ms17.severity).toBe('high');
    expect(ms17.cve).toEqual(['CVE-2017-0143']);
    expect(ms17.location).toEqual({ kind: 'host', host: '10.0.0.2' });
    expect(
      r.findings.every((f) => f.auditType === 'intrusion-test' && f.categories.includes('exposure')),
    ).toBe(true);
  });

  it('handles many hosts one by one', () => {
    const hosts = Array.from(
      { length: 500 },
      (_, i) =>
        `<host><status state="up"/><address addr="10.1.${i >> 8}.${i & 255}" addrtype="ipv4"/><ports><port protocol="tcp" portid="443"><state state="open"/><service name="https"/></port></ports></host>`,
    ).join('\n');
    const big = parseContent(
      `<?xml version="1.0"?><nmaprun scanner="nmap" version="7.94">${hosts}</nmaprun>`,
      { now: NOW },
    );
    expect(big.findings).toHaveLength(500);
    expect(big.assets).toHaveLength(1000);
  });
});

describeSamples(
  'nmap',
  'nmap',
  {
    'defectdojo_issue12411.xml': 4,
    'defectdojo_nmap_0port.xml': 0,
    'defectdojo_nmap_1port.xml': 1,
    'defectdojo_nmap_multiple_port.xml': 13,
    'defectdojo_nmap_script_vulners.xml': 2,
    'python-libnmap_1_hosts_down.xml': 0,
    'python-libnmap_1_os_banner_scripts.xml': 14,
    'python-libnmap_2_hosts_version.xml': 8,
    'python-libnmap_dionaea_scan.xml': 71,
  },
  (r) => {
    const vulners = findingOf(r.get('defectdojo_nmap_script_vulners.xml'), (f) => f.ruleId === 'nse:vulners');
    expect(vulners.cve).toEqual(['CVE-2017-15906', 'CVE-2018-15919']);
    expect(vulners.location).toEqual({ kind: 'host', host: '192.168.0.1', port: 5022, protocol: 'tcp' });
    expect(vulners.severity).toBe('medium'); // max CVSS 5.0
    expect(r.get('defectdojo_nmap_script_vulners.xml')?.toolVersion).toBe('7.60');
    expect(r.get('python-libnmap_1_hosts_down.xml')?.assets.filter((a) => a.kind === 'host')).toHaveLength(1);
    expect(r.get('defectdojo_nmap_0port.xml')?.assets).toHaveLength(1);
  },
);
