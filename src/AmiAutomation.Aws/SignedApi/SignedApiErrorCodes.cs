namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// Error codes our signed client gives failures that carry no AWS code of their own, so every failure reaches the
/// callers as an <see cref="Amazon.Runtime.AmazonServiceException"/> with a code to log and branch on.
/// </summary>
internal static class SignedApiErrorCodes
{
    /// <summary>No answer within the per-attempt timeout (after the retries).</summary>
    public const string RequestTimeout = "RequestTimeout";

    /// <summary>The request could not be sent or the answer not read (DNS, connection refused/reset, TLS).</summary>
    public const string RequestFailed = "RequestFailed";

    /// <summary>A 2xx answer we could not parse (bad XML/JSON, missing required fields, unknown enum values).</summary>
    public const string MalformedResponse = "MalformedResponse";

    /// <summary>The SDK's credential chain found no credentials.</summary>
    public const string CredentialsUnavailable = "CredentialsUnavailable";
}
