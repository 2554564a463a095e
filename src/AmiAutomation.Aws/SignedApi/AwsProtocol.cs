namespace AmiAutomation.Aws.SignedApi;

/// <summary>How a service shapes its errors (and requests): the two wire protocols our signed client speaks.</summary>
internal enum AwsProtocol
{
    /// <summary>AWS Query: form-encoded POST, XML answers, errors as <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>.</summary>
    Query,

    /// <summary>REST-JSON: JSON bodies, errors named by <c>x-amzn-ErrorType</c> or <c>__type</c>/<c>code</c> in the body.</summary>
    RestJson,
}
