using AmiAutomation.Aws.Clients;
using AmiAutomation.Core.Ledger;
using AmiAutomation.Runtime.Configuration;

namespace AmiAutomation.Functions.Composition;

/// <summary>
/// What every function is built from: the stack's region, EC2 clients, the ledger, the clock and the environment.
/// The Lambda bootstrap fills it with AWS clients, the CLI and the tests with the simulator.
/// </summary>
public sealed class FunctionServices
{
    /// <summary>The region this stack governs (AWS_REGION).</summary>
    public required string Region { get; init; }

    public required IEc2ClientFactory Ec2 { get; init; }

    /// <summary>Auto Scaling and Recycle Bin rule clients (services without an SDK package of ours).</summary>
    public required IRegionalApiClients Apis { get; init; }

    public required IDeregistrationLedger Ledger { get; init; }

    /// <summary>One destructive run at a time per account and region (a lease item in the ledger table).</summary>
    public required IRunLease RunLease { get; init; }

    public required TimeProvider Time { get; init; }

    public required IEnvironmentVariables Environment { get; init; }
}
