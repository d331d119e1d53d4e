"use strict";
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
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
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// src/handlers/websocket-connect.lambda.ts
var websocket_connect_lambda_exports = {};
__export(websocket_connect_lambda_exports, {
  MALFORMED_EVENT_STATUS: () => MALFORMED_EVENT_STATUS,
  connectHandlerWith: () => connectHandlerWith,
  handler: () => handler
});
module.exports = __toCommonJS(websocket_connect_lambda_exports);
var import_client_dynamodb = require("@aws-sdk/client-dynamodb");

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

// src/handlers/websocket-connections-config.lambda-shared.ts
var CONNECTIONS_TABLE_ENV = "GATEWAYKIT_CONNECTIONS_TABLE";
var CONNECTION_TTL_ENV = "GATEWAYKIT_CONNECTION_TTL_SECONDS";
var CONNECTION_ID_ATTRIBUTE = "connectionId";
var EXPIRES_AT_ATTRIBUTE = "expiresAt";
var CONNECTED_AT_ATTRIBUTE = "connectedAt";
var PRINCIPAL_ID_ATTRIBUTE = "principalId";
var DEFAULT_CONNECTION_TTL_SECONDS = 2 * 60 * 60;
function readConnectionRegistryConfig(env) {
  return { tableName: readTableName(env[CONNECTIONS_TABLE_ENV]), ttlSeconds: readConnectionTtl(env[CONNECTION_TTL_ENV]) };
}
var TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;
function readTableName(raw, source = CONNECTIONS_TABLE_ENV) {
  if (raw === void 0 || raw === "") {
    throw new Error(`${source} is not set: it must name the DynamoDB table of WebSocket connections`);
  }
  if (!TABLE_NAME.test(raw)) {
    throw new Error(`${source} must be a DynamoDB table name (3 to 255 characters among a-z, A-Z, 0-9, '_', '-', '.'), got ${JSON.stringify(raw)}`);
  }
  return raw;
}
function readConnectionTtl(raw) {
  if (raw === void 0 || raw === "") {
    return DEFAULT_CONNECTION_TTL_SECONDS;
  }
  const seconds = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1) {
    throw new Error(`${CONNECTION_TTL_ENV} must be a whole number of seconds of at least 1, got ${JSON.stringify(raw)}`);
  }
  return seconds;
}

// src/handlers/websocket-event.lambda-shared.ts
var CONNECTION_ID = /^[\x21-\x7e]{1,256}$/;
function isConnectionId(value) {
  return typeof value === "string" && CONNECTION_ID.test(value);
}
function readConnectionEvent(event, eventType) {
  if (!isRecord(event)) {
    return { problem: "not-an-object" };
  }
  const context = event.requestContext;
  if (!isRecord(context)) {
    return { problem: "missing-request-context" };
  }
  if (context.eventType !== eventType) {
    return { problem: "wrong-event-type" };
  }
  const connectionId = context.connectionId;
  if (connectionId === void 0 || connectionId === null || connectionId === "") {
    return { problem: "missing-connection-id" };
  }
  if (!isConnectionId(connectionId)) {
    return { problem: "malformed-connection-id" };
  }
  const authorizer = context.authorizer;
  const principalId = isRecord(authorizer) && typeof authorizer.principalId === "string" && authorizer.principalId !== "" ? authorizer.principalId : void 0;
  const requestId = typeof context.requestId === "string" ? context.requestId : void 0;
  return { connectionId, ...principalId !== void 0 ? { principalId } : {}, ...requestId !== void 0 ? { requestId } : {} };
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function misconfiguredHandler(log2, routeKey, outcome, error) {
  log2("ERROR", { outcome: "misconfigured", reason: "invalid-config", ...errorFields(error) });
  const message = `the ${routeKey} handler of the connection registry is misconfigured: ${messageOf(error)}`;
  return async () => {
    log2("ERROR", { outcome, reason: "invalid-config" });
    throw new Error(message);
  };
}

// src/handlers/websocket-registry.lambda-shared.ts
function connectionKey(connectionId) {
  return { [CONNECTION_ID_ATTRIBUTE]: { S: connectionId } };
}
function connectionItem(connection) {
  return {
    ...connectionKey(connection.connectionId),
    [CONNECTED_AT_ATTRIBUTE]: { S: new Date(connection.now).toISOString() },
    [EXPIRES_AT_ATTRIBUTE]: { N: String(Math.floor(connection.now / 1e3) + connection.ttlSeconds) },
    ...connection.principalId !== void 0 ? { [PRINCIPAL_ID_ATTRIBUTE]: { S: connection.principalId } } : {}
  };
}

// src/handlers/websocket-connect.lambda.ts
var MALFORMED_EVENT_STATUS = 400;
var log = createLogger("gatewaykit-websocket-connect");
function connectHandlerWith(dependencies) {
  const now = dependencies.now ?? Date.now;
  const { tableName, ttlSeconds } = dependencies.config;
  return async (event) => {
    const connection = readConnectionEvent(event, "CONNECT");
    if ("problem" in connection) {
      log("ERROR", { outcome: "refused", reason: connection.problem });
      return { statusCode: MALFORMED_EVENT_STATUS };
    }
    const { connectionId, principalId, requestId } = connection;
    try {
      await dependencies.dynamoDb.send(new import_client_dynamodb.PutItemCommand({
        TableName: tableName,
        Item: connectionItem({ connectionId, principalId, now: now(), ttlSeconds })
      }));
    } catch (error) {
      log("ERROR", { outcome: "failed", reason: "put-item-failed", connectionId, requestId, tableName, ...errorFields(error) });
      throw error;
    }
    log("INFO", { outcome: "registered", connectionId, requestId, authorized: principalId !== void 0 });
    return { statusCode: 200 };
  };
}
var fromEnvironment;
function environmentHandler() {
  if (!fromEnvironment) {
    try {
      fromEnvironment = connectHandlerWith({ dynamoDb: new import_client_dynamodb.DynamoDBClient({}), config: readConnectionRegistryConfig(process.env) });
    } catch (error) {
      fromEnvironment = misconfiguredHandler(log, "$connect", "refused", error);
    }
  }
  return fromEnvironment;
}
async function handler(event) {
  return environmentHandler()(event);
}
// Annotate the CommonJS export names for ESM import in node:
0 && (module.exports = {
  MALFORMED_EVENT_STATUS,
  connectHandlerWith,
  handler
});
