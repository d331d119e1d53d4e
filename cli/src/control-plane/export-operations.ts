import type * as Fflate from 'fflate';
import { badRequest } from './errors';
import { exportApi } from './openapi-export';
import { RouteDefinition } from './operation';
import { lazyRequire } from '../lazy-require';
import { RestApiModel, RestStageModel } from '../model';

const fflate = lazyRequire<typeof Fflate>('fflate');

/** The SDK types API Gateway generates (`GetSdk`'s `sdkType`). */
export const SDK_TYPES = ['javascript', 'android', 'objectivec', 'swift', 'java', 'ruby'];

/** `GetExport` and `GetSdk`: what `export` and `sdk` use. */
export const EXPORT_ROUTES: readonly RouteDefinition[] = [
  {
    name: 'GetExport',
    method: 'GET',
    path: '/restapis/{restApiId}/stages/{stageName}/exports/{exportType}',
    operation: (state, r) => {
      const { restApiId, stageName, exportType } = r.params;
      const exported = exportApi({
        api: state.restApis.api(restApiId), stage: state.restApis.stage(restApiId, stageName), region: state.region, exportType, extensions: r.query.get('extensions') ?? undefined, accept: r.headers.accept,
      });
      const extension = exported.contentType === 'application/yaml' ? 'yaml' : 'json';
      return { file: { contentType: exported.contentType, disposition: `attachment; filename="${exportType}_${Date.now()}.${extension}"`, bytes: fflate().strToU8(exported.text) } };
    },
  },
  {
    name: 'GetSdk',
    method: 'GET',
    path: '/restapis/{restApiId}/stages/{stageName}/sdks/{sdkType}',
    operation: (state, r) => {
      const { restApiId, stageName, sdkType } = r.params;
      if (!SDK_TYPES.includes(sdkType)) {
        throw badRequest(`Invalid SDK type '${sdkType}'; expected one of ${SDK_TYPES.join(', ')}`);
      }
      const api = state.restApis.api(restApiId);
      const stage = state.restApis.stage(restApiId, stageName);
      return { file: { contentType: 'application/zip', disposition: `attachment; filename="${api.name}-${stageName}-${sdkType}.zip"`, bytes: sdkStub(state.region, api, stage, sdkType) } };
    },
  },
];

/**
 * API Gateway generates SDKs with code generators that are not available locally: the local SDK is a stub, a zip
 * holding the stage's Swagger 2.0 export (what those generators read) and a README saying so.
 */
function sdkStub(region: string, api: RestApiModel, stage: RestStageModel, sdkType: string): Uint8Array {
  const swagger = exportApi({ api, stage, region, exportType: 'swagger', extensions: 'integrations' });
  const readme = [
    `# ${api.name} (${stage.stageName}): ${sdkType} SDK stub from the gatewaykit local control plane`,
    '',
    'API Gateway generates this SDK with its own code generators, which do not run locally. This stub holds the',
    'stage\'s Swagger 2.0 export (swagger.json), which an OpenAPI generator turns into a client; run',
    '`gatewaykit sdk` against AWS for the SDK API Gateway generates.',
    '',
  ].join('\n');
  const { strToU8, zipSync } = fflate();
  return zipSync({ [`${api.name}-${sdkType}/README.md`]: strToU8(readme), [`${api.name}-${sdkType}/swagger.json`]: strToU8(swagger.text) });
}
