namespace AmiAutomation.Cli.Planning;

/// <summary>The parsed <c>plan</c> command line.</summary>
public sealed record PlanRequest
{
    public IReadOnlyList<string> Regions { get; init; } = [];

    /// <summary><c>deprecate</c>, <c>expire</c>, <c>copy</c> or <c>all</c>.</summary>
    public string Function { get; init; } = "all";

    /// <summary>The raw <c>--at</c> value (null = now).</summary>
    public string? At { get; init; }

    public IReadOnlyList<string> Settings { get; init; } = [];

    /// <summary><c>table</c>, <c>json</c> or <c>csv</c>.</summary>
    public string Output { get; init; } = "table";

    /// <summary>List kept images too, with the reason they are kept.</summary>
    public bool All { get; init; }

    /// <summary><c>family</c>, <c>age</c> or <c>id</c>.</summary>
    public string Sort { get; init; } = "family";

    public string? Family { get; init; }

    /// <summary>An action (<c>deprecate</c>, <c>deregister</c>, <c>copy</c>, <c>keep</c>) or a reason code.</summary>
    public string? Action { get; init; }

    public bool Simulate { get; init; }
    public bool Verbose { get; init; }
}
