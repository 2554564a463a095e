using AmiAutomation.Aws.Throttling;
using AmiAutomation.Core.Planning;
using Amazon.EC2;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Aws.Execution;

/// <summary>State shared by the steps of one <see cref="Ec2PlanExecutor.ExecuteAsync"/> call.</summary>
internal sealed class ExecutionRun(Plan plan, ExecutionOptions options, IAmazonEC2 client, Ec2RateLimiter limiter, ImageRechecker rechecker, ILogger logger, TimeProvider time)
{
    /// <summary>The clock for times EC2 checks against its own clock when the call arrives.</summary>
    public TimeProvider Time { get; } = time;

    public Plan Plan { get; } = plan;

    public ExecutionOptions Options { get; } = options;

    public IAmazonEC2 Client { get; } = client;

    public Ec2RateLimiter Limiter { get; } = limiter;

    public ImageRechecker Rechecker { get; } = rechecker;

    public FamilyRechecker FamilyRechecker { get; } = new(plan.Region, client, limiter);

    public ILogger Logger { get; } = logger;

    /// <summary>DeregisterImage calls sent (dry-run included): the cap counts these.</summary>
    public int DestructiveCalls { get; set; }

    /// <summary>Images actually deregistered (Succeeded, real run).</summary>
    public int Deregistered { get; set; }

    /// <summary>Images actually disabled (Succeeded, real run).</summary>
    public int Disabled { get; set; }

    /// <summary>Set when a guard stopped the run: every later decision is NotStarted with this reason.</summary>
    public string? StopReason { get; set; }
}
