namespace AmiAutomation.Simulation.Fleet;

/// <summary>Shared state while one fleet is written: the random stream, the clock, the tallies.</summary>
internal sealed class FleetBuild(Ec2Simulator simulator, FleetOptions options)
{
    private readonly Dictionary<string, int> _traits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _imagesByRegion = new(StringComparer.Ordinal);

    public Ec2Simulator Simulator { get; } = simulator;
    public FleetOptions Options { get; } = options;
    public Random Random { get; } = new(options.Seed);

    /// <summary>A stream of its own for launch configurations, Spot requests and fleets, so adding them left the rest of
    /// a seed's fleet as it was.</summary>
    public Random ConsumerRandom { get; } = new(unchecked(options.Seed * 31 + 7));
    public DateTimeOffset Now { get; } = options.Now ?? simulator.Now;
    public string AccountId => Simulator.AccountId;

    /// <summary>Originals per family, oldest first.</summary>
    public Dictionary<string, List<FleetImage>> Builds { get; } = new(StringComparer.Ordinal);

    public int Copies { get; set; }
    public int Instances { get; set; }
    public int LaunchTemplates { get; set; }
    public int LaunchTemplateVersions { get; set; }
    public int ExternalReferences { get; set; }
    public int PublicImages { get; set; }

    public void Count(string trait) => _traits[trait] = _traits.GetValueOrDefault(trait) + 1;

    /// <summary>Counts a consumer trait and returns the new count (used to name launch configurations uniquely).</summary>
    public int ConsumerCount(string trait)
    {
        Count(trait);
        return _traits[trait];
    }

    public void CountImage(string region) => _imagesByRegion[region] = _imagesByRegion.GetValueOrDefault(region) + 1;

    public FleetSummary Summary(IReadOnlyList<string> families) => new()
    {
        Images = _imagesByRegion.Values.Sum(),
        Copies = Copies,
        Snapshots = Options.Regions.Distinct().Sum(Simulator.SnapshotCount),
        Instances = Instances,
        LaunchTemplates = LaunchTemplates,
        LaunchTemplateVersions = LaunchTemplateVersions,
        ExternalReferences = ExternalReferences,
        ImagesByRegion = new Dictionary<string, int>(_imagesByRegion, StringComparer.Ordinal),
        Families = families,
        Traits = new Dictionary<string, int>(_traits, StringComparer.Ordinal),
    };
}
