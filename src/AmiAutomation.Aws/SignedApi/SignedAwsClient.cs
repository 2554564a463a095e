using System.Globalization;
using AmiAutomation.Aws.Regions;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace AmiAutomation.Aws.SignedApi;

/// <summary>
/// A small SigV4-signed HTTP client for one service in one region, for the services we have no SDK package for
/// (Auto Scaling, the Recycle Bin rule API). Credentials come from the SDK's chain; signing from AWSSDK.Core
/// (<see cref="SigV4Signer"/>). With an endpoint override (moto, a test server) it sends there and still signs for
/// <see cref="Region"/>, like the SDK's ServiceURL + AuthenticationRegion. Throttling, 5xx, timeouts and network
/// failures are retried (<see cref="SignedRetryPolicy"/>); every failure but the caller's cancellation ends as an
/// <see cref="AmazonServiceException"/> with ErrorCode, StatusCode and RequestId. Retrying a timed-out request is
/// only safe for reads, which is all the product sends (Describe/List/Get). No clock-skew correction: the signing
/// time is <see cref="SignedClientSettings.Time"/> (Lambda hosts are NTP-synchronised).
/// </summary>
internal sealed class SignedAwsClient
{
    private const string UserAgent = "AmiAutomation-SignedAwsClient/1.0";
    private readonly HttpClient _http;
    private readonly SignedClientSettings _settings;
    private AWSCredentials? _credentials;

    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public SignedAwsClient(HttpClient http, AwsService service, string region, Uri? endpointOverride, SignedClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        _http = http;
        Service = service;
        Region = RegionName.Validate(region);
        Endpoint = endpointOverride ?? service.RegionalEndpoint(region);
        _settings = settings;
        _credentials = settings.Credentials;
    }

    public AwsService Service { get; }

    /// <summary>The signing region (also the endpoint's region unless overridden).</summary>
    public string Region { get; }

    public Uri Endpoint { get; }

    /// <summary>Sends <paramref name="request"/>, retrying what is worth retrying; returns the 2xx answer.</summary>
    /// <exception cref="AmazonServiceException">An error answer, or no usable answer after the retries.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<SignedResponse> SendAsync(SignedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        for (var retry = 0; ; retry++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await AttemptAsync(request, cancellationToken);
            }
            catch (AmazonServiceException ex) when (retry < _settings.Retry.MaxRetries && _settings.Retry.IsRetryable(ex))
            {
                // Fall through to the backoff below; the last failure is thrown as it is.
            }

            await Task.Delay(_settings.Retry.Backoff(retry, Random.Shared), _settings.Time, cancellationToken);
        }
    }

    /// <summary>The URL a request goes to: the endpoint (keeping any base path), the request path, the encoded query.</summary>
    public Uri BuildUri(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var basePath = Endpoint.AbsolutePath.TrimEnd('/');
        var query = request.Query.Count == 0 ? string.Empty : "?" + AwsUriEncoding.FormEncode(request.Query);
        return new Uri(Endpoint.GetLeftPart(UriPartial.Authority) + basePath + request.Path + query);
    }

    private async Task<SignedResponse> AttemptAsync(SignedRequest request, CancellationToken cancellationToken)
    {
        var credentials = await CredentialsAsync(request);
        var uri = BuildUri(request);
        using var message = new HttpRequestMessage(request.Method, uri);
        var headers = new List<KeyValuePair<string, string>>();
        if (request.Body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                headers.Add(new("content-type", contentType));
            }
        }

        var signature = SigV4Signer.Sign(request.Method, uri, headers, request.Body, credentials, Region, Service.SigningName, _settings.Time.GetUtcNow());
        message.Headers.TryAddWithoutValidation("X-Amz-Date", signature.AmzDate);
        if (signature.SecurityToken is { } token)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Security-Token", token);
        }

        message.Headers.TryAddWithoutValidation("Authorization", signature.Authorization);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(_settings.AttemptTimeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attempt.Token);
            var body = await response.Content.ReadAsStringAsync(attempt.Token);
            string? Header(string name) =>
                response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()
                : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.FirstOrDefault()
                : null;
            if (response.IsSuccessStatusCode)
            {
                return new SignedResponse(response.StatusCode, body, Header("x-amzn-RequestId") ?? Header("x-amz-request-id"));
            }

            throw AwsErrorReader.FromResponse(Service, request.Operation, response.StatusCode, Header, body);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _settings.AttemptTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw AwsErrorReader.ClientSide(Service, request.Operation, SignedApiErrorCodes.RequestTimeout, $"no answer from {Endpoint} within {seconds} s", ex);
        }
        catch (HttpRequestException ex)
        {
            throw AwsErrorReader.ClientSide(Service, request.Operation, SignedApiErrorCodes.RequestFailed, $"request to {Endpoint} failed: {ex.Message}", ex);
        }
    }

    /// <summary>Resolves the SDK's default chain once; the resolved object refreshes temporary credentials itself.</summary>
    private async Task<ImmutableCredentials> CredentialsAsync(SignedRequest request)
    {
        try
        {
            _credentials ??= await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync();
            return await _credentials.GetCredentialsAsync();
        }
        catch (AmazonClientException ex)
        {
            throw AwsErrorReader.ClientSide(Service, request.Operation, SignedApiErrorCodes.CredentialsUnavailable, $"no AWS credentials: {ex.Message}", ex);
        }
    }
}
