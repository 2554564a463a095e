using AmiAutomation.Aws.Clients;
using AmiAutomation.Cli.Aws;
using AmiAutomation.Cli.Commands;
using AmiAutomation.Cli.Simulation;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Simulation.Services;
using Microsoft.Extensions.Logging;

namespace AmiAutomation.Cli.Planning;

/// <summary>
/// What <c>plan</c> and <c>explain</c> read from: a real account (or moto_server / LocalStack through the endpoint
/// variables), or with <c>--simulate</c> the generated fleet of the in-memory simulator at its fixed start time. Both
/// give the same readers the same clients, so the planning code cannot tell them apart.
/// </summary>
internal sealed class PlanningTarget : IDisposable
{
    private readonly IDisposable? _owned;

    private PlanningTarget(IEc2ClientFactory clients, IRegionalApiClients apis, IEnvironmentVariables environment,
        IReadOnlyList<string> regions, DateTimeOffset now, bool simulated, IDisposable? owned)
    {
        Clients = clients;
        Apis = apis;
        Environment = environment;
        Regions = regions;
        Now = now;
        Simulated = simulated;
        _owned = owned;
    }

    public IEc2ClientFactory Clients { get; }
    public IRegionalApiClients Apis { get; }

    /// <summary>The functions' environment: <c>--set</c> over the process environment (or the simulator's demo policy).</summary>
    public IEnvironmentVariables Environment { get; }

    public IReadOnlyList<string> Regions { get; }

    /// <summary>"Now" for <c>--at +30d</c> and for the plan: the wall clock, or the simulator's start.</summary>
    public DateTimeOffset Now { get; }

    public bool Simulated { get; }

    /// <summary>The simulator with <c>--simulate</c>, else the account the AWS settings point at.</summary>
    public static PlanningTarget Open(bool simulate, IReadOnlyList<string> regions, IReadOnlyList<string> settings,
        IEnvironmentVariables process, ILoggerProvider logs) =>
        simulate ? ForSimulator(regions, settings, logs) : ForAws(regions, settings, process);

    /// <summary>The instant to plan for: <c>--at</c> (ISO 8601 or +Nd/+Nh from now; the commands validate it), else now.</summary>
    public DateTimeOffset At(string? text) => text is not null && PlanTime.TryParse(text, Now, out var at) ? at : Now;

    /// <summary>A real account: regions, endpoints and credentials as the other commands read them.</summary>
    private static PlanningTarget ForAws(IReadOnlyList<string> requestedRegions, IReadOnlyList<string> settings, IEnvironmentVariables process)
    {
        var environment = new PlanEnvironment(SettingOverrides.Layer(settings, process));
        var options = AwsAccess.ClientOptions(environment);
        var regions = AwsAccess.Regions(requestedRegions, environment, options.Ec2EndpointUrl is not null);
        options = AwsAccess.WithCredentials(options, environment);
        var clients = new Ec2ClientFactory(options);
        return new PlanningTarget(clients, new SignedRegionalApiClients(options), environment, regions,
            TimeProvider.System.GetUtcNow(), simulated: false, clients);
    }

    /// <summary>The simulator's generated fleet (seed <see cref="SimulatedWorkbench.Seed"/>) in the default regions,
    /// or those of them asked for; settings layered over the demo policy.</summary>
    private static PlanningTarget ForSimulator(IReadOnlyList<string> requestedRegions, IReadOnlyList<string> settings, ILoggerProvider logs)
    {
        var regions = requestedRegions.Count > 0 ? requestedRegions : SimulationOptions.DefaultRegions;
        var clock = new SimulationClock(SimulatedAccount.DefaultStart);
        var account = SimulatedAccount.Create(SimulatedWorkbench.Seed, SimulatedWorkbench.Images, regions, settings, clock, logs);
        return new PlanningTarget(account.Simulator.ClientFactory, new SimulatedRegionalApiClients(account.Simulator),
            new PlanEnvironment(account.Environment), regions, clock.GetUtcNow(), simulated: true, owned: null);
    }

    public void Dispose() => _owned?.Dispose();
}
