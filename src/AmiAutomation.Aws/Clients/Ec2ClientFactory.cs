using System.Collections.Concurrent;
using AmiAutomation.Aws.Regions;
using Amazon.EC2;

namespace AmiAutomation.Aws.Clients;

/// <summary>
/// One cached <see cref="AmazonEC2Client"/> per region. With an endpoint override (moto, LocalStack) the client
/// talks to that URL and signs for the region (<c>AuthenticationRegion</c>), so each region stays separate.
/// </summary>
public sealed class Ec2ClientFactory : IEc2ClientFactory, IDisposable
{
    private readonly AwsClientOptions _options;
    private readonly ConcurrentDictionary<string, Lazy<AmazonEC2Client>> _clients = new(StringComparer.Ordinal);

    public Ec2ClientFactory(AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <exception cref="InvalidRegionException"><paramref name="region"/> is not a region name.</exception>
    public IAmazonEC2 ForRegion(string region)
    {
        RegionName.Validate(region);
        return _clients.GetOrAdd(region, r => new Lazy<AmazonEC2Client>(() => Create(r))).Value;
    }

    /// <summary>The configuration used for <paramref name="region"/> (exposed for tests and diagnostics).</summary>
    public static AmazonEC2Config CreateConfig(string region, AwsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return AwsClientConfigs.Configure(new AmazonEC2Config(), region, options, options.Ec2EndpointUrl);
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }

        _clients.Clear();
    }

    private AmazonEC2Client Create(string region)
    {
        var config = CreateConfig(region, _options);
        return _options.Credentials is { } credentials ? new AmazonEC2Client(credentials, config) : new AmazonEC2Client(config);
    }
}
