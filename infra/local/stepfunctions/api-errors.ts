/** An error the Step Functions API answers with; `type` is the shape name the SDK maps to its class. */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}
