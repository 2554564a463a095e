using AmiAutomation.Aws.Clients;
using AmiAutomation.Functions.Common;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Hosting;
using AmiAutomation.Runtime.Metrics;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Ledger;
using Microsoft.Extensions.Logging.Abstractions;

namespace AmiAutomation.Benchmarks.Simulated;

/// <summary>One simulated account and region for the figures programs: the simulator on a given clock, an in-memory
/// ledger, and how the functions are wired to them (the same <see cref="FunctionServices"/> the bootstrap fills with AWS).</summary>
internal sealed class SimulatedAccount
{
    public const string AccountId = "123456789012";
    public const string Region = "eu-west-1";

    /// <summary>The fixed "now" of virtual-clock runs.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 6, 0, 0, TimeSpan.Zero);

    public SimulatedAccount(TimeProvider time)
    {
        Time = time;
        Simulator = new Ec2Simulator(time, new SimulatorOptions { AccountId = AccountId });
    }

    public TimeProvider Time { get; }

    public Ec2Simulator Simulator { get; }

    public IEc2ClientFactory Clients => Simulator.ClientFactory;

    public IRegionalApiClients Apis => new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(Simulator);

    public InMemoryDeregistrationLedger Ledger { get; } = new();

    /// <summary>Production defaults except the variables given (the ledger table name is always set).</summary>
    public FunctionServices Services(IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { [CommonSettings.LedgerTableNameVariable] = "ami-ledger" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        return new FunctionServices
        {
            Region = Region,
            Ec2 = Clients,
            Apis = new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(Simulator),
            Ledger = Ledger,
            RunLease = new AmiAutomation.Simulation.Ledger.InMemoryRunLease(),
            Time = Time,
            Environment = new DictionaryEnvironmentVariables(variables),
        };
    }

    /// <summary>An invocation with a 15-minute deadline (not enforced) and logs discarded.</summary>
    public InvocationContext Invocation(string function) => new()
    {
        RequestId = "figures-" + function,
        FunctionName = function,
        Deadline = Time.GetUtcNow().AddMinutes(15),
        TimeProvider = Time,
        Logger = NullLogger.Instance,
        Metrics = new MetricsRecorder(),
    };

    /// <summary>Switches EC2's token-bucket throttling on with full buckets and forgets the calls made so far.</summary>
    public void StartMeasuring()
    {
        Simulator.Options.ThrottlingEnabled = true;
        Simulator.ResetThrottling();
        Simulator.Calls.Clear();
    }
}
