"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/handlers/stage-canary.lambda.ts
var stage_canary_lambda_exports = {};
__export(stage_canary_lambda_exports, {
  handler: () => handler,
  handlerWith: () => handlerWith
});
module.exports = __toCommonJS(stage_canary_lambda_exports);
var import_client_api_gateway = require("@aws-sdk/client-api-gateway");

// src/handlers/cfn-response.lambda-shared.ts
var https = __toESM(require("https"));
var MAX_REASON_LENGTH = 300;
var RESPONSE_TIMEOUT_MS = 2e4;
function readRequest(event) {
  const fields = isRecord(event) ? event : {};
  const text = (key) => typeof fields[key] === "string" ? fields[key] : void 0;
  const responseUrl = text("ResponseURL");
  return {
    requestType: text("RequestType") ?? "",
    resourceType: text("ResourceType") ?? "",
    responseUrl: responseUrl !== void 0 && isHttpsUrl(responseUrl) ? responseUrl : void 0,
    stackId: text("StackId") ?? "",
    requestId: text("RequestId") ?? "",
    logicalResourceId: text("LogicalResourceId") ?? "",
    physicalResourceId: text("PhysicalResourceId") || void 0,
    resourceProperties: fields.ResourceProperties
  };
}
function shortReason(reason) {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 3)}...`;
}
var putResponse = (responseUrl, body) => new Promise((resolve, reject) => {
  if (!isHttpsUrl(responseUrl)) {
    reject(new Error("the response URL is not an https URL"));
    return;
  }
  const request2 = https.request(new URL(responseUrl), {
    method: "PUT",
    headers: { "content-type": "", "content-length": Buffer.byteLength(body) },
    timeout: RESPONSE_TIMEOUT_MS
  }, (response) => {
    response.resume();
    response.on("error", reject);
    response.on("end", () => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        resolve();
      } else {
        reject(new Error(`the response URL answered HTTP ${status}`));
      }
    });
  });
  request2.on("timeout", () => request2.destroy(new Error(`the response PUT took longer than ${RESPONSE_TIMEOUT_MS} ms`)));
  request2.on("error", reject);
  request2.end(body);
});
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function isHttpsUrl(value) {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

// src/handlers/log.lambda-shared.ts
function createLogger(source) {
  return (level, fields) => {
    try {
      console.log(JSON.stringify({ source, level, ...fields }));
    } catch {
    }
  };
}
function errorNameOf(error) {
  if (error instanceof Error) {
    return error.name && error.name !== "Error" ? error.name : error.constructor.name || "Error";
  }
  return typeof error;
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}
function errorFields(error) {
  return { errorName: errorNameOf(error), message: messageOf(error) };
}

// src/handlers/stage-canary-properties.lambda-shared.ts
var STAGE_BASELINE_RESOURCE_TYPE = "Custom::GatewayKitStageBaseline";
var STAGE_CANARY_REMOVAL_RESOURCE_TYPE = "Custom::GatewayKitStageCanaryRemoval";
var BASELINE_DEPLOYMENT_ID_ATTRIBUTE = "DeploymentId";
var CANARY_REMOVED_ATTRIBUTE = "Removed";
var InvalidRequestError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "InvalidRequestError";
  }
};
var API_ID = /^[A-Za-z0-9]{1,64}$/;
var STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
function parseStageBaselineProperties(raw) {
  const properties = propertiesOf(raw);
  return {
    RestApiId: matching(properties, "RestApiId", API_ID, "a REST API id (letters and digits)"),
    StageName: matching(properties, "StageName", STAGE_NAME, "a stage name (letters, digits, - and _)"),
    FallbackDeploymentId: matching(properties, "FallbackDeploymentId", API_ID, "a deployment id (letters and digits)"),
    LatestDeploymentId: matching(properties, "LatestDeploymentId", API_ID, "a deployment id (letters and digits)")
  };
}
function parseStageCanaryRemovalProperties(raw) {
  const properties = propertiesOf(raw);
  return {
    RestApiId: matching(properties, "RestApiId", API_ID, "a REST API id (letters and digits)"),
    StageName: matching(properties, "StageName", STAGE_NAME, "a stage name (letters, digits, - and _)"),
    StageDeploymentId: matching(properties, "StageDeploymentId", API_ID, "a deployment id (letters and digits)"),
    Trigger: matching(properties, "Trigger", /^[\s\S]*$/, "a string")
  };
}
function stageBaselinePhysicalId(properties) {
  return `${properties.RestApiId}/${properties.StageName}/baseline`;
}
function stageCanaryRemovalPhysicalId(properties) {
  return `${properties.RestApiId}/${properties.StageName}/canary-removal`;
}
function propertiesOf(raw) {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InvalidRequestError(`ResourceProperties must be an object, got ${describe(raw)}`);
  }
  return raw;
}
function matching(properties, name, pattern, expected) {
  const value = properties[name];
  if (typeof value !== "string" || !pattern.test(value)) {
    throw new InvalidRequestError(`ResourceProperties.${name} must be ${expected}, got ${describe(value)}`);
  }
  return value;
}
function describe(value) {
  if (value === void 0) {
    return "nothing";
  }
  if (Array.isArray(value)) {
    return "an array";
  }
  const text = JSON.stringify(value) ?? typeof value;
  return text.length <= 40 ? text : `${text.slice(0, 37)}...`;
}

// src/handlers/stage-canary.lambda.ts
var logger = createLogger("gatewaykit-stage-canary");
function handlerWith(dependencies) {
  return async (event) => {
    const request2 = readRequest(event);
    if (request2.responseUrl === void 0) {
      log("ERROR", request2, { reason: "ResponseURL is missing or not an https URL, so no response can be sent" });
      return;
    }
    const response = await respond(request2, dependencies.client);
    log(response.Status === "SUCCESS" ? "INFO" : "ERROR", request2, {
      status: response.Status,
      physicalResourceId: response.PhysicalResourceId,
      reason: response.Reason,
      data: response.Data
    });
    try {
      await dependencies.send(request2.responseUrl, JSON.stringify(response));
    } catch (error) {
      log("ERROR", request2, { reason: "the response could not be delivered", ...errorFields(error) });
      throw new Error(`the response to CloudFormation could not be delivered (${errorNameOf(error)})`);
    }
  };
}
var handler = handlerWith({
  // API Gateway's control plane throttles hard (TooManyRequestsException) when many stages update at once.
  client: new import_client_api_gateway.APIGatewayClient({ maxAttempts: 8 }),
  send: putResponse
});
async function respond(request2, client) {
  const envelope = { StackId: request2.stackId, RequestId: request2.requestId, LogicalResourceId: request2.logicalResourceId };
  const fallbackId = request2.physicalResourceId ?? `${request2.logicalResourceId || "resource"}/invalid-request`;
  if (request2.requestType === "Delete") {
    return { Status: "SUCCESS", PhysicalResourceId: fallbackId, ...envelope };
  }
  let physicalResourceId = fallbackId;
  try {
    if (request2.requestType !== "Create" && request2.requestType !== "Update") {
      throw new InvalidRequestError(`RequestType must be Create, Update or Delete, got '${request2.requestType}'`);
    }
    const action = actionOf(request2);
    physicalResourceId = request2.requestType === "Create" ? action.physicalResourceId : fallbackId;
    const data = await action.run(client);
    return { Status: "SUCCESS", PhysicalResourceId: action.physicalResourceId, ...envelope, Data: data };
  } catch (error) {
    return { Status: "FAILED", Reason: shortReason(reasonOf(error)), PhysicalResourceId: physicalResourceId, ...envelope };
  }
}
function actionOf(request2) {
  switch (request2.resourceType) {
    case STAGE_BASELINE_RESOURCE_TYPE: {
      const properties = parseStageBaselineProperties(request2.resourceProperties);
      return {
        physicalResourceId: stageBaselinePhysicalId(properties),
        run: async (client) => {
          const stage = await getStage(client, properties.RestApiId, properties.StageName);
          if (stage === void 0) {
            return { [BASELINE_DEPLOYMENT_ID_ATTRIBUTE]: properties.FallbackDeploymentId };
          }
          if (!stage.deploymentId) {
            throw new Error(`stage '${properties.StageName}' of REST API ${properties.RestApiId} reports no deploymentId`);
          }
          return { [BASELINE_DEPLOYMENT_ID_ATTRIBUTE]: stage.deploymentId };
        }
      };
    }
    case STAGE_CANARY_REMOVAL_RESOURCE_TYPE: {
      const properties = parseStageCanaryRemovalProperties(request2.resourceProperties);
      return {
        physicalResourceId: stageCanaryRemovalPhysicalId(properties),
        run: async (client) => {
          const { RestApiId: restApiId, StageName: stageName } = properties;
          const stage = await getStage(client, restApiId, stageName);
          if (stage === void 0) {
            throw new Error(`stage '${stageName}' of REST API ${restApiId} does not exist, so its canary cannot be checked`);
          }
          if (stage.canarySettings === void 0 || stage.canarySettings === null) {
            return { [CANARY_REMOVED_ATTRIBUTE]: "false" };
          }
          await call("UpdateStage", () => client.send(new import_client_api_gateway.UpdateStageCommand({
            restApiId,
            stageName,
            patchOperations: [{ op: "remove", path: "/canarySettings" }]
          })));
          return { [CANARY_REMOVED_ATTRIBUTE]: "true" };
        }
      };
    }
    default:
      throw new InvalidRequestError(
        `ResourceType must be ${STAGE_BASELINE_RESOURCE_TYPE} or ${STAGE_CANARY_REMOVAL_RESOURCE_TYPE}, got '${request2.resourceType}'`
      );
  }
}
async function getStage(client, restApiId, stageName) {
  try {
    return await client.send(new import_client_api_gateway.GetStageCommand({ restApiId, stageName }));
  } catch (error) {
    if (errorNameOf(error) === "NotFoundException") {
      return void 0;
    }
    throw new AwsCallError("GetStage", error);
  }
}
async function call(operation, send) {
  try {
    return await send();
  } catch (error) {
    throw new AwsCallError(operation, error);
  }
}
var AwsCallError = class extends Error {
  constructor(operation, cause) {
    super(`${operation} failed: ${errorNameOf(cause)}: ${messageOf(cause)}`);
    this.name = errorNameOf(cause);
  }
};
function reasonOf(error) {
  const own = error instanceof InvalidRequestError || error instanceof AwsCallError || error instanceof Error && error.constructor === Error;
  return own ? messageOf(error) : `${errorNameOf(error)}: ${messageOf(error)}`;
}
function log(level, request2, fields) {
  logger(level, {
    requestType: request2.requestType,
    resourceType: request2.resourceType,
    logicalResourceId: request2.logicalResourceId,
    requestId: request2.requestId,
    ...fields
  });
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  handler,
  handlerWith
});
