namespace AmiAutomation.Cli.Planning;

/// <summary>What one function would do to one image: the action (or <see cref="Keep"/>), the headline reason code,
/// every reason, and when or where (deprecation time, copy destination).</summary>
public sealed record PlanCell(string Function, string Action, string Reason, IReadOnlyList<string> Reasons, string? When)
{
    /// <summary>The action of an image a function leaves alone.</summary>
    public const string Keep = "keep";

    /// <summary>"Deprecate 2026-03-02 10:00" or "keep: NewestInFamily".</summary>
    public string Short => Action == Keep ? $"keep: {Reason}" : When is null ? Action : $"{Action} {When}";
}
