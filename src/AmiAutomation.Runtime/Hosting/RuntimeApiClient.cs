using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace AmiAutomation.Runtime.Hosting;

/// <summary>
/// The four Runtime API calls. Header values are decoded as UTF-8 (HttpClient's default is Latin-1/ASCII), a User-Agent
/// is sent, nothing times out (<c>next</c> is a long poll and the sandbox may be frozen in between), no proxy is used.
/// 500 from any endpoint, a <c>next</c> that is not 200, and connection failures throw <see cref="RuntimeApiException"/>.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    public const string ApiVersion = "2018-06-01";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue ErrorType = new(RuntimeApiHeaders.ErrorContentType);

    private readonly HttpClient _http;
    private readonly string _base;

    public RuntimeApiClient(string hostAndPort)
    {
        _base = $"http://{hostAndPort}/{ApiVersion}/runtime/";
        if (!Uri.TryCreate(_base, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"'{hostAndPort}' is not a host:port for the Runtime API.", nameof(hostAndPort));
        }

        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ResponseHeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
    }

    /// <summary><c>ami-automation-runtime/1.0 dotnet/&lt;version&gt; aot|jit</c>. Native AOT has no host-provided
    /// TRUSTED_PLATFORM_ASSEMBLIES (RuntimeFeature.IsDynamicCodeSupported is no help: PublishAot turns it off for JIT builds too).</summary>
    public static string UserAgent { get; } = string.Create(
        CultureInfo.InvariantCulture,
        $"ami-automation-runtime/1.0 dotnet/{Environment.Version} {(AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is null ? "aot" : "jit")}");

    public string BaseAddress => _base;

    /// <summary>Waits for the next event; <paramref name="cancellationToken"/> ends the wait.</summary>
    public async Task<InvocationRequest> GetNextAsync(CancellationToken cancellationToken)
    {
        var url = _base + "invocation/next";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), url, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            throw new RuntimeApiException(
                $"The Runtime API answered {(int)response.StatusCode} to GET {url} (expected 200): {body}");
        }

        var requestId = Header(response, RuntimeApiHeaders.RequestId);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RuntimeApiException($"The Runtime API sent an event without {RuntimeApiHeaders.RequestId} from GET {url}.");
        }

        return new InvocationRequest
        {
            RequestId = requestId,
            DeadlineMs = long.TryParse(Header(response, RuntimeApiHeaders.DeadlineMs), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                ? ms
                : null,
            InvokedFunctionArn = Header(response, RuntimeApiHeaders.InvokedFunctionArn),
            TraceId = Header(response, RuntimeApiHeaders.TraceId),
            ClientContext = Header(response, RuntimeApiHeaders.ClientContext),
            CognitoIdentity = Header(response, RuntimeApiHeaders.CognitoIdentity),
            TenantId = Header(response, RuntimeApiHeaders.TenantId),
            Payload = await response.Content.ReadAsByteArrayAsync(cancellationToken),
        };
    }

    /// <summary>Posts the handler's result; null posts an empty body.</summary>
    public Task<PostResult> PostResponseAsync(string requestId, byte[]? body)
    {
        var content = new ByteArrayContent(body ?? []);
        if (body is not null)
        {
            content.Headers.ContentType = JsonType;
        }

        return PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, errorType: null);
    }

    public Task<PostResult> PostErrorAsync(string requestId, string errorType, byte[] document)
        => PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", ErrorContent(document), errorType);

    public Task<PostResult> PostInitErrorAsync(string errorType, byte[] document)
        => PostAsync("init/error", ErrorContent(document), errorType);

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(byte[] document)
        => new(document) { Headers = { ContentType = ErrorType } };

    private async Task<PostResult> PostAsync(string path, HttpContent content, string? errorType)
    {
        var url = _base + path;
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
        }

        // A result must be delivered even when the host is asked to stop: posts are never cancelled.
        using var response = await SendAsync(request, url, CancellationToken.None);
        var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
        if (response.StatusCode == HttpStatusCode.InternalServerError)
        {
            throw new RuntimeApiException($"The Runtime API answered 500 to POST {url}; the sandbox is broken: {body}");
        }

        return new PostResult((int)response.StatusCode, body);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string url, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new RuntimeApiException($"Cannot reach the Lambda Runtime API at {url}: {ex.Message}", ex);
        }
        finally
        {
            request.Dispose();
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
