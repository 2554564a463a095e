using System.Net;
using System.Text.Json;
using System.Xml;
using Amazon.Runtime;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// Turns a failed call into <see cref="AmazonServiceException"/> with ErrorCode, StatusCode and RequestId set, as the
/// SDK clients do, so the existing fail-closed handlers and <c>Ec2ErrorCodes.Describe</c> work unchanged.
/// Query errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>
/// (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/CommonErrors.html). REST-JSON: <c>x-amzn-ErrorType</c>
/// header, else <c>__type</c> or <c>code</c> in the body (https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html).
/// </summary>
internal static class AwsErrorReader
{
    private const int SnippetLength = 200;

    public static AmazonServiceException FromResponse(
        AwsService service, string operation, HttpStatusCode status, Func<string, string?> header, string body)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(header);
        var (code, message, bodyRequestId) = service.Protocol == AwsProtocol.Query ? ReadXml(body) : ReadJson(body, header);
        var requestId = header("x-amzn-RequestId") ?? header("x-amz-request-id") ?? bodyRequestId;
        var text = code is null
            ? $"{service.DisplayName} {operation}: HTTP {(int)status} with no error code in the answer: {Snippet(body)}"
            : $"{service.DisplayName} {operation}: {message ?? "(no message)"}";
        var type = (int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender;
        return new AmazonServiceException(text, null, type, code, requestId, status);
    }

    /// <summary>A 2xx answer that cannot be read: an error naming the service and operation, never an empty result.</summary>
    public static AmazonServiceException Malformed(AwsService service, string operation, SignedResponse response, string detail, Exception? inner = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(response);
        return new AmazonServiceException(
            $"{service.DisplayName} {operation}: the answer could not be read ({detail}): {Snippet(response.Body)}",
            inner, ErrorType.Receiver, SignedApiErrorCodes.MalformedResponse, response.RequestId, response.StatusCode);
    }

    /// <summary>A failure without an HTTP answer (timeout, network, credentials).</summary>
    public static AmazonServiceException ClientSide(AwsService service, string operation, string code, string detail, Exception inner) =>
        new($"{service.DisplayName} {operation}: {detail}", inner, ErrorType.Unknown, code, null, 0);

    private static (string? Code, string? Message, string? RequestId) ReadXml(string body)
    {
        string? code = null, message = null, requestId = null;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
            using var reader = XmlReader.Create(new StringReader(body), settings);
            // ReadElementContentAsString moves to the next node itself: only Read() when nothing was consumed.
            reader.MoveToContent();
            while (!reader.EOF)
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    reader.Read();
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "Code" when code is null:
                        code = reader.ReadElementContentAsString().Trim();
                        break;
                    case "Message" when message is null:
                        message = reader.ReadElementContentAsString().Trim();
                        break;
                    case "RequestId" or "RequestID" when requestId is null:
                        requestId = reader.ReadElementContentAsString().Trim();
                        break;
                    default:
                        reader.Read();
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // Not XML (an HTML error page, a proxy's answer): keep what was read; no code means "HTTP <status>".
        }

        return (string.IsNullOrEmpty(code) ? null : code, message, requestId);
    }

    private static (string? Code, string? Message, string? RequestId) ReadJson(string body, Func<string, string?> header)
    {
        string? code = null, message = null;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type") || (code is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                    {
                        code = property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message = property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the header alone may still name the error.
        }

        // The header wins; either may carry a namespace ("aws.rbin#ValidationException") or a suffix after ':'.
        code = Clean(header("x-amzn-ErrorType")) ?? Clean(code);
        return (code, message, null);
    }

    private static string? Clean(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var value = code.Split(':', 2)[0];
        var hash = value.LastIndexOf('#');
        value = (hash >= 0 ? value[(hash + 1)..] : value).Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Snippet(string? body) =>
        string.IsNullOrEmpty(body) ? "(empty body)" : body.Length > SnippetLength ? body[..SnippetLength] + "…" : body;
}
