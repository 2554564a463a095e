using AmiAutomation.Cli.Commands;
using AmiAutomation.Aws.Mapping;
using AmiAutomation.Cli.Hosting;
using AmiAutomation.Core.Images;
using AmiAutomation.Functions.Composition;
using AmiAutomation.Runtime.Configuration;
using AmiAutomation.Runtime.Functions;
using AmiAutomation.Simulation;
using AmiAutomation.Simulation.Fleet;
using AmiAutomation.Simulation.Ledger;
using Microsoft.Extensions.Logging;
using GeneratedFleet = AmiAutomation.Simulation.Fleet.FleetSummary;

namespace AmiAutomation.Cli.Simulation;

/// <summary>
/// One simulated AWS account: the in-memory EC2 on a <see cref="SimulationClock"/>, a generated fleet, the ledger,
/// and one deployed stack per region (the REAL deprecate, copy, expire and restore functions, built from
/// <see cref="FunctionServices"/> exactly as the Lambda bootstrap builds them), invoked through <see cref="LocalInvoker"/>.
/// </summary>
public sealed class SimulatedAccount
{
    /// <summary>A fixed start (a Monday), so a seed gives the same run on any day.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long a simulated CopyImage stays pending.</summary>
    public static readonly TimeSpan CopyDuration = TimeSpan.FromMinutes(40);

    private readonly Dictionary<(string Region, string Function), ILambdaFunction> _functions = [];

    private SimulatedAccount(SimulationClock clock, Ec2Simulator simulator, IReadOnlyList<string> regions,
        IReadOnlyDictionary<string, string> policy, ILoggerProvider logs)
    {
        Clock = clock;
        Simulator = simulator;
        Regions = regions;
        Policy = policy;
        Environment = new DictionaryEnvironmentVariables(policy);
        Invoker = new LocalInvoker(clock, logs, "sim", simulator.AccountId);
    }

    public SimulationClock Clock { get; }
    public Ec2Simulator Simulator { get; }
    public InMemoryDeregistrationLedger Ledger { get; } = new();

    /// <summary>One lease for every function of the simulated account, as the stack's table would be.</summary>
    public InMemoryRunLease RunLease { get; } = new();

    /// <summary>The first region: most families are built there and copied to the others.</summary>
    public string HomeRegion => Regions[0];

    public IReadOnlyList<string> Regions { get; }

    /// <summary>The effective function environment (demo policy + overrides).</summary>
    public IReadOnlyDictionary<string, string> Policy { get; }

    public IEnvironmentVariables Environment { get; }

    public LocalInvoker Invoker { get; }

    /// <summary>What the generator reported.</summary>
    public GeneratedFleet Fleet { get; private set; } = null!;

    /// <summary>The fleet at the start, counted from the simulator (generator output plus images of other managers).</summary>
    public StartingFleet InitialFleet { get; private set; } = null!;

    public string AccountId => Simulator.AccountId;

    /// <summary>Generates the fleet (seeded) and prepares the stacks; functions are built on first use.</summary>
    /// <exception cref="AmiAutomation.Runtime.Configuration.ConfigurationException">An override makes a function's settings invalid.</exception>
    /// <param name="clock">The account's clock (start it at <see cref="DefaultStart"/> for the standard run).</param>
    public static SimulatedAccount Create(int seed, int images, IReadOnlyList<string> regions, IEnumerable<string> settings,
        SimulationClock clock, ILoggerProvider logs)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(clock);
        var simulator = new Ec2Simulator(clock, new SimulatorOptions { CopyDuration = CopyDuration });
        var overrides = SettingOverrides.Layer(settings, new DictionaryEnvironmentVariables(DemoPolicy.For(simulator.AccountId)));
        var policy = DemoPolicy.For(simulator.AccountId).Keys
            .Concat(SettingOverrides.Names(settings))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToDictionary(name => name, name => overrides.Get(name) ?? string.Empty, StringComparer.Ordinal);
        var account = new SimulatedAccount(clock, simulator, regions, policy, logs);
        account.Fleet = FleetGenerator.Generate(simulator, new FleetOptions
        {
            ImageCount = images,
            Regions = regions,
            Seed = seed,
            HistoryYears = 1,
            RecycleBinRetentionDays = DemoPolicy.RecycleBinRetentionDays,
        });
        ManagedByOthersSeeder.EnsurePresent(simulator, account.HomeRegion, seed);
        account.InitialFleet = account.Count();
        foreach (var region in regions)
        {
            foreach (var function in CommonOptions.FunctionNames)
            {
                account.Function(region, function); // fail now on bad settings, not on day 12
            }
        }

        return account;
    }

    private StartingFleet Count()
    {
        var byRegion = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var managedByOthers = 0;
        foreach (var region in Regions)
        {
            var own = Simulator.ListImages(region).Where(i => i.OwnerId == AccountId).Select(i => Ec2ImageMapper.ToAmiImage(i, region)).ToList();
            byRegion[region] = own.Count;
            managedByOthers += own.Count(i => i.ManagedBy is not (ImageManager.Nobody or ImageManager.Us));
        }

        return new StartingFleet(
            byRegion.Values.Sum(),
            Fleet.Families.Count,
            Regions.Sum(Simulator.InstanceCount),
            Regions.Sum(Simulator.LaunchTemplateCount),
            managedByOthers,
            byRegion);
    }

    /// <summary>The function <paramref name="name"/> of the stack in <paramref name="region"/>.</summary>
    public ILambdaFunction Function(string region, string name)
    {
        if (!_functions.TryGetValue((region, name), out var function))
        {
            function = Function(region, name, Environment);
            _functions[(region, name)] = function;
        }

        return function;
    }

    /// <summary>A new instance of the function <paramref name="name"/> in <paramref name="region"/> that reads
    /// <paramref name="environment"/> (e.g. the account's policy with the caller's DRY_RUN), on the same fleet, ledger and lease.</summary>
    /// <exception cref="AmiAutomation.Runtime.Configuration.ConfigurationException">The environment is invalid for the function.</exception>
    public ILambdaFunction Function(string region, string name, IEnvironmentVariables environment)
    {
        var services = new FunctionServices
        {
            Region = region,
            Ec2 = Simulator.ClientFactory,
            Apis = new AmiAutomation.Simulation.Services.SimulatedRegionalApiClients(Simulator),
            Ledger = Ledger,
            RunLease = RunLease,
            Time = Clock,
            Environment = environment,
        };
        return FunctionCatalog.Create(name, services);
    }

    public Task<InvocationResult> InvokeAsync(string region, string function, byte[] payload, CancellationToken cancellationToken) =>
        Invoker.InvokeAsync(Function(region, function), region, payload, cancellationToken);
}
