namespace AmiAutomation.Cli.Simulation;

/// <summary>What <c>simulate</c> runs: how long, which fleet, which regions, which policy overrides.</summary>
public sealed record SimulationOptions
{
    public const int DefaultDays = 60;
    public const int MaxDays = 3650;
    public const int DefaultSeed = 42;
    public const int DefaultImages = 300;
    public const int MaxImages = 20_000;
    public const int MaxRegions = 8;

    public static readonly IReadOnlyList<string> DefaultRegions = ["us-east-1", "eu-west-1", "ap-southeast-2"];

    public int Days { get; init; } = DefaultDays;
    public int Seed { get; init; } = DefaultSeed;
    public int Images { get; init; } = DefaultImages;

    /// <summary>The first region is the home region: builds land there and are copied to the others.</summary>
    public IReadOnlyList<string> Regions { get; init; } = DefaultRegions;

    /// <summary><c>NAME=VALUE</c> overrides of the demo policy.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    public static IReadOnlyList<string> SplitRegions(string? value) =>
        (value ?? string.Empty)
            .Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
