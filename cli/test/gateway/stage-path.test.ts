import { splitStagePath } from '../../src/gateway/stage-path';

describe('splitStagePath', () => {
  test('the first segment is the stage and the rest the path below it', () => {
    expect(splitStagePath('/prod/items/42')).toEqual({ stageName: 'prod', path: '/items/42' });
  });

  test('a stage without a path below it has the path /', () => {
    expect(splitStagePath('/prod')).toEqual({ stageName: 'prod', path: '/' });
    expect(splitStagePath('/prod/')).toEqual({ stageName: 'prod', path: '/' });
  });

  test('empty segments are kept as sent', () => {
    expect(splitStagePath('//items')).toEqual({ stageName: '', path: '/items' });
    expect(splitStagePath('/prod//items/')).toEqual({ stageName: 'prod', path: '//items/' });
  });

  test('it splits as rawPath.split("/") would, for any path', () => {
    for (const rawPath of ['', '/', 'x', 'x/y/z', '/a/b/c/d', '/a//', '///']) {
      const [, stageName = '', ...rest] = rawPath.split('/');
      expect(splitStagePath(rawPath)).toEqual({ stageName, path: `/${rest.join('/')}` });
    }
  });
});
