/** Test inputs for imports: small SARIF logs and multipart bodies with several files. */

/** A SARIF log of one tool with one result per rule id, all in one file of one repository. */
export function sarif(rules: readonly string[], tool = 'unit-scanner'): string {
  return JSON.stringify({
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool, rules: rules.map((id) => ({ id })) } },
        results: rules.map((ruleId, i) => ({
          ruleId,
          level: 'error',
          message: { text: `problem ${ruleId}` },
          locations: [
            { physicalLocation: { artifactLocation: { uri: 'src/app.ts' }, region: { startLine: i + 1 } } },
          ],
        })),
      },
    ],
  });
}

/** multipart/form-data with one file part per entry. */
export function multipartFiles(files: readonly { name: string; content: Buffer | string }[]) {
  const boundary = '----mica-import-boundary';
  const parts = files.flatMap((f) => [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
    Buffer.from('\r\n'),
  ]);
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
