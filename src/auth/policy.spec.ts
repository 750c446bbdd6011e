import { canonicalPath, httpRequirement } from './policy.js';

describe('canonicalPath', () => {
  it.each([
    ['/export/csv/edges', '/export/csv/edges'],
    ['/EXPORT/csv/edges', '/export/csv/edges'],
    ['/Export/graphml/', '/export/graphml'],
    ['//metrics', '/metrics'],
    ['/METRICS/', '/metrics'],
    ['/%65xport/graphml', '/export/graphml'],
    ['/%2565xport/graphml', '/export/graphml'],
    ['/view/../export/csv/nodes', '/export/csv/nodes'],
    ['/view/%2e%2e/metrics', '/metrics'],
    ['/view\\..\\metrics', '/metrics'],
    ['/metrics/.', '/metrics'],
    ['/../../metrics', '/metrics'],
    ['/%E0%A4%A', '/%e0%a4%a'],
    ['/', '/'],
  ])('%s is %s', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  it('closes every spelling of an export and of metrics', () => {
    for (const path of ['/EXPORT/csv/edges', '/Export/graphml', '/export/', '/%65xport/csv/nodes']) {
      expect(httpRequirement(canonicalPath(path), false, 'off')).toBe('reader');
    }
    for (const path of ['/METRICS', '/metrics/', '/MeTrIcS/'])
      expect(httpRequirement(canonicalPath(path), false, 'off')).toBe('off');
  });
});
