namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// One call of the signed client: operation name (for errors and logs), method, path relative to the endpoint
/// (already URI-encoded, starting with '/'), query parameters (raw; encoded when sent), body and its content type.
/// </summary>
internal sealed record SignedRequest(string Operation, HttpMethod Method, string Path)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>Sent (and signed) only with a body.</summary>
    public string? ContentType { get; init; }
}
