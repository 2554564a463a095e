namespace AmiAutomation.Aws.Tests.Support;

/// <summary>One request as <see cref="FakeAwsServer"/> received it (raw, still-escaped path and query).</summary>
internal sealed record FakeAwsRequest(string Method, string RawUrl, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The credential scope of the Authorization header: <c>date/region/service/aws4_request</c>.</summary>
    public string? CredentialScope
    {
        get
        {
            var authorization = Header("Authorization");
            var start = authorization?.IndexOf("Credential=", StringComparison.Ordinal) ?? -1;
            if (authorization is null || start < 0)
            {
                return null;
            }

            var credential = authorization[(start + "Credential=".Length)..].Split(',')[0];
            return credential[(credential.IndexOf('/', StringComparison.Ordinal) + 1)..];
        }
    }
}
