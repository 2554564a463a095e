using AmiAutomation.Aws.Mapping;
using AmiAutomation.Aws.Replication;
using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Images;
using AmiAutomation.Core.Planning;
using AmiAutomation.Core.Replication;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Seeding;
using Microsoft.Extensions.Time.Testing;

namespace AmiAutomation.Aws.Tests.Replication;

/// <summary>The copy adapters over the simulator: eu-west-1 → us-east-1, live (non-dry) unless a test says so.</summary>
internal sealed class ReplicationSetup
{
    public const string Home = "eu-west-1";
    public const string Destination = "us-east-1";

    public ReplicationSetup(Ec2ReplicatorOptions? options = null)
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 10, 0, 0, TimeSpan.Zero));
        Ec2 = new Ec2Simulator(Time);
        var limiters = new Ec2RateLimiterRegistry(Time, Unlimited);
        Finder = new Ec2CopyFinder(Ec2.ClientFactory, limiters, options);
        Starter = new Ec2CopyStarter(Ec2.ClientFactory, Finder, limiters);
        Finisher = new Ec2CopyFinisher(Ec2.ClientFactory, Time, limiters, options);
    }

    public static Ec2RateLimits Unlimited { get; } = new(Enum.GetValues<Ec2ActionClass>().ToDictionary(c => c, _ => new TokenBucketLimit(1_000_000, 1_000_000)));

    public FakeTimeProvider Time { get; }

    public Ec2Simulator Ec2 { get; }

    public Ec2CopyFinder Finder { get; }

    public Ec2CopyStarter Starter { get; }

    public Ec2CopyFinisher Finisher { get; }

    public AmiImage AddSource(Action<ImageBuilder>? configure = null)
    {
        var id = Ec2.AddImage(Home, b =>
        {
            b.Named("web-" + Guid.NewGuid().ToString("N")[..8]).WithSnapshot(8).Tagged("team", "web");
            configure?.Invoke(b);
        });
        return Describe(Home, id);
    }

    public AmiImage Describe(string region, string id) => Ec2ImageMapper.ToAmiImage(Ec2.FindImage(region, id)!, region);

    public static PlannedCopy Planned(AmiImage source, int attempt = 1, CopyPolicy? policy = null)
    {
        var request = CopyPlanner.BuildRequest(source, Destination, attempt, policy ?? new CopyPolicy());
        var decision = new Decision
        {
            Image = source,
            Family = "web",
            Action = DecisionAction.Copy,
            Reasons = [new DecisionReason(ReasonCode.CopyToTag, "test")],
            TargetRegion = Destination,
        };
        return new PlannedCopy(decision, request);
    }
}
