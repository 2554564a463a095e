using System.Text;

namespace AmiAutomation.TestKit.RuntimeApi;

/// <summary>One request as the fake Runtime API received it: raw target path (still URL-escaped), headers (names
/// case-insensitive, values decoded as UTF-8), body bytes, arrival order and <see cref="System.Diagnostics.Stopwatch"/> time.</summary>
public sealed record RecordedRequest(
    long Sequence,
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    long ReceivedTimestamp)
{
    public const string Prefix = "/2018-06-01/runtime/";

    public RecordedRequestKind Kind => (Method, Path) switch
    {
        ("GET", Prefix + "invocation/next") => RecordedRequestKind.Next,
        ("POST", Prefix + "init/error") => RecordedRequestKind.InitError,
        ("POST", var p) when p.StartsWith(Prefix + "invocation/", StringComparison.Ordinal) && p.EndsWith("/response", StringComparison.Ordinal)
            => RecordedRequestKind.Response,
        ("POST", var p) when p.StartsWith(Prefix + "invocation/", StringComparison.Ordinal) && p.EndsWith("/error", StringComparison.Ordinal)
            => RecordedRequestKind.Error,
        _ => RecordedRequestKind.Other,
    };

    /// <summary>The request id of a <c>/response</c> or <c>/error</c> post, unescaped; null otherwise.</summary>
    public string? RequestId
    {
        get
        {
            if (Kind is not (RecordedRequestKind.Response or RecordedRequestKind.Error))
            {
                return null;
            }

            var rest = Path[(Prefix.Length + "invocation/".Length)..];
            return Uri.UnescapeDataString(rest[..rest.LastIndexOf('/')]);
        }
    }

    /// <summary>The escaped request id segment exactly as it appeared in the path.</summary>
    public string? RawRequestIdSegment
        => Kind is RecordedRequestKind.Response or RecordedRequestKind.Error
            ? Path[(Prefix.Length + "invocation/".Length)..Path.LastIndexOf('/')]
            : null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
