using System.Collections.Concurrent;
using AmiAutomation.Aws.Clients;
using Amazon.EC2;
using Amazon.Runtime;

namespace AmiAutomation.Cli.Hosting;

/// <summary>
/// The EC2 clients of a command, each reporting its answered calls on the <see cref="ProgressLine"/> ("eu-west-1:
/// DescribeImages, 42 EC2 calls"): inventory pages and DescribeSnapshots polls while a restore waits show up as they
/// happen. Pass-through when progress is off. Observes only: requests and answers are untouched.
/// </summary>
internal sealed class ProgressEc2ClientFactory(IEc2ClientFactory inner, ProgressLine progress) : IEc2ClientFactory
{
    private readonly ConcurrentDictionary<string, bool> _watched = new(StringComparer.Ordinal);
    private int _calls;

    public IAmazonEC2 ForRegion(string region)
    {
        var client = inner.ForRegion(region);
        if (progress.Enabled && client is AmazonServiceClient service && _watched.TryAdd(region, true))
        {
            service.AfterResponseEvent += (_, e) =>
            {
                var calls = Interlocked.Increment(ref _calls);
                var action = e is WebServiceResponseEventArgs web ? ActionOf(web.Request) : "EC2";
                progress.Report($"{region}: {action}, {calls} EC2 calls");
            };
        }

        return client;
    }

    /// <summary>Wraps <paramref name="inner"/> when <paramref name="progress"/> is on.</summary>
    public static IEc2ClientFactory Watch(IEc2ClientFactory inner, ProgressLine progress) =>
        progress.Enabled ? new ProgressEc2ClientFactory(inner, progress) : inner;

    private static string ActionOf(AmazonWebServiceRequest? request)
    {
        var name = request?.GetType().Name ?? "EC2";
        return name.EndsWith("Request", StringComparison.Ordinal) ? name[..^"Request".Length] : name;
    }
}
