import type { ApiCallName, ApiParsedInput, ApiResult } from '../../shared/api';
import type { Context } from './context';

/** A handler gets validated input; it throws ApiError to refuse. */
export type Handler<K extends ApiCallName> = (input: ApiParsedInput<K>, ctx: Context) => ApiResult<K>;
export type Handlers<K extends ApiCallName = ApiCallName> = { [P in K]: Handler<P> };
