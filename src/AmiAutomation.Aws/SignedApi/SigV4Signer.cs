using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// Signature Version 4 for one request: we build the canonical request (method, URI-encoded path, sorted query,
/// lower-cased sorted headers, signed-header list, SHA-256 of the body); AWSSDK.Core's public
/// <see cref="AWS4Signer.ComputeSignature(ImmutableCredentials, string, DateTime, string, string, string)"/> derives the key,
/// signs and formats the Authorization header. It does not add the session token: we sign and send
/// <c>X-Amz-Security-Token</c> ourselves. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
/// </summary>
internal static class SigV4Signer
{
    public const string DateHeader = "x-amz-date";
    public const string SecurityTokenHeader = "x-amz-security-token";

    /// <param name="headers">Headers sent and signed besides host, x-amz-date and the token (e.g. content-type).</param>
    public static SigV4Signature Sign(
        HttpMethod method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headers,
        ReadOnlySpan<byte> body,
        ImmutableCredentials credentials,
        string region,
        string service,
        DateTimeOffset signedAt)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(credentials);
        var amzDate = signedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var signed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in headers)
        {
            signed[header.Key.ToLowerInvariant()] = TrimAll(header.Value);
        }

        signed["host"] = uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        signed[DateHeader] = amzDate;
        var token = credentials.UseToken ? credentials.Token : null;
        if (token is not null)
        {
            signed[SecurityTokenHeader] = token;
        }

        var signedHeaders = string.Join(';', signed.Keys);
        var canonical = CanonicalRequest(method, uri, signed, signedHeaders, Convert.ToHexStringLower(SHA256.HashData(body)));
        var result = AWS4Signer.ComputeSignature(credentials, region, signedAt.UtcDateTime, service, signedHeaders, canonical);
        return new SigV4Signature(amzDate, token, result.ForAuthorizationHeader, canonical);
    }

    /// <summary>The canonical request. Paths of non-S3 services are encoded twice: the sent (escaped) path is encoded again.</summary>
    public static string CanonicalRequest(HttpMethod method, Uri uri, IReadOnlyDictionary<string, string> sortedHeaders, string signedHeaders, string payloadHash)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(sortedHeaders);
        var builder = new StringBuilder();
        builder.Append(method.Method.ToUpperInvariant()).Append('\n');
        builder.Append(AwsUriEncoding.Encode(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath, keepSlash: true)).Append('\n');
        builder.Append(CanonicalQuery(uri.Query)).Append('\n');
        foreach (var (name, value) in sortedHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        builder.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);
        return builder.ToString();
    }

    /// <summary>The sent query (already encoded by us), its pairs sorted by key then value.</summary>
    private static string CanonicalQuery(string query)
    {
        var raw = query.StartsWith('?') ? query[1..] : query;
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', raw.Split('&')
            .Select(pair => pair.Split('=', 2))
            .Select(parts => (Key: parts[0], Value: parts.Length > 1 ? parts[1] : string.Empty))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + p.Value));
    }

    /// <summary>Trimall: no leading/trailing blanks, inner runs of spaces become one.</summary>
    private static string TrimAll(string value) =>
        string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
