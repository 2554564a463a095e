namespace AmiAutomation.Aws.SignedApi;

/// <summary>What signing adds to a request (<c>X-Amz-Date</c>, the session token when there is one, Authorization),
/// and the canonical request it signed (for tests and diagnostics).</summary>
internal sealed record SigV4Signature(string AmzDate, string? SecurityToken, string Authorization, string CanonicalRequest);
