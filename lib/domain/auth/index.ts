export { authenticateAccessToken } from "./authenticate-access-token";
export { can, authorize, type Action, type Resource } from "./policy";
