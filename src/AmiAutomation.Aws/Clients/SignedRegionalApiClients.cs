using System.Collections.Concurrent;
using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.RecycleBin;
using AmiAutomation.Aws.Regions;
using AmiAutomation.Aws.SignedApi;

namespace AmiAutomation.Aws.Clients;

/// <summary>
/// Auto Scaling and Recycle Bin rule clients for real AWS (and moto/test servers through
/// <see cref="AwsClientOptions.AutoScalingEndpointUrl"/> / <see cref="AwsClientOptions.RecycleBinEndpointUrl"/>), on
/// our signed client. One client per service and region, cached; one HttpClient for all of them, disposed with this.
/// </summary>
public sealed class SignedRegionalApiClients : IRegionalApiClients, IDisposable
{
    private readonly HttpClient _http;
    private readonly SignedClientSettings _settings;
    private readonly ConcurrentDictionary<string, Lazy<SignedAutoScalingClient>> _autoScaling = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SignedRecycleBinRules>> _recycleBin = new(StringComparer.Ordinal);
    private bool _disposed;

    public SignedRegionalApiClients(AwsClientOptions options)
        : this(options, TimeProvider.System)
    {
    }

    public SignedRegionalApiClients(AwsClientOptions options, TimeProvider time)
        : this(options, SignedClientSettings.From(options, time))
    {
    }

    internal SignedRegionalApiClients(AwsClientOptions options, SignedClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        Options = options;
        _settings = settings;
        // Per-attempt timeouts come from the settings; connections are recycled so DNS changes are picked up.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public AwsClientOptions Options { get; }

    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public IAutoScalingClient AutoScaling(string region) => _autoScaling.GetOrAdd(
        Checked(region),
        r => new Lazy<SignedAutoScalingClient>(() => new SignedAutoScalingClient(Client(AwsService.AutoScaling, r, Options.AutoScalingEndpointUrl)))).Value;

    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public IRecycleBinRules RecycleBinRules(string region) => _recycleBin.GetOrAdd(
        Checked(region),
        r => new Lazy<SignedRecycleBinRules>(() => new SignedRecycleBinRules(Client(AwsService.RecycleBin, r, Options.RecycleBinEndpointUrl)))).Value;

    public void Dispose()
    {
        _disposed = true;
        _autoScaling.Clear();
        _recycleBin.Clear();
        _http.Dispose();
    }

    internal SignedAwsClient Client(AwsService service, string region, Uri? endpoint) => new(_http, service, region, endpoint, _settings);

    private string Checked(string region)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return RegionName.Validate(region);
    }
}
