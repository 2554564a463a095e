using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Common;

/// <summary>
/// The input of the sweep functions (deprecate, expire): the ScheduleV2 <c>Input</c> (<c>{}</c> or
/// <c>{"source":"schedule"}</c>; EventBridge Scheduler sends no envelope) or a manual payload
/// <c>{"dryRun": false, "families": ["web"], "imageIds": ["ami-0123456789abcdef0"]}</c>. Every field is optional.
/// </summary>
/// <remarks>
/// Unknown fields are rejected (<see cref="JsonUnmappedMemberHandling.Disallow"/>): a misspelt <c>"imageId"</c>
/// must not silently widen a run to every image. The payload fails as <see cref="InvalidEventException"/>.
/// An EventBridge (v1) Scheduled Event envelope is therefore rejected too: use ScheduleV2.
/// </remarks>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed partial record ManualSweepInput
{
    /// <summary>Upper bound on <see cref="ImageIds"/> and <see cref="Families"/> entries.</summary>
    public const int MaxSelectors = 1000;

    /// <summary>The <see cref="Source"/> the template's schedules send: such runs use the configured <c>DRY_RUN</c>.</summary>
    public const string ScheduleSource = "schedule";

    /// <summary>Who invoked: <c>schedule</c>, <c>manual</c>, <c>cli</c> ... (logged only). Default <c>manual</c>.</summary>
    public string? Source { get; init; }

    /// <summary>
    /// <c>true</c> forces a dry run. <c>false</c> asks for a live run and is honoured only when the function is
    /// configured for live runs (<c>DRY_RUN=false</c>); otherwise the payload is rejected, never silently upgraded.
    /// Absent: a scheduled run (<c>"source": "schedule"</c>) runs in the configured mode; any other (manual) run is a
    /// dry run, so <c>{}</c> from the console never sweeps live by accident.
    /// </summary>
    public bool? DryRun { get; init; }

    /// <summary>Only images of these families are considered (others are skipped as NotSelected).</summary>
    public IReadOnlyList<string>? Families { get; init; }

    /// <summary>Only these images are considered (others are skipped as NotSelected).</summary>
    public IReadOnlyList<string>? ImageIds { get; init; }

    /// <summary>Expire only, alone in the payload: clear the Recycle Bin latch (no sweep runs).</summary>
    public LatchClearRequest? ClearLatch { get; init; }

    /// <summary>
    /// Checks every field and combines it with the configured dry-run default into a <see cref="SweepRequest"/>.
    /// Throws <see cref="InvalidEventException"/> naming every bad value.
    /// </summary>
    public SweepRequest Resolve(string function, bool configuredDryRun)
    {
        var errors = new List<string>();
        var source = string.IsNullOrWhiteSpace(Source) ? "manual" : Source.Trim();
        if (!SourcePattern().IsMatch(source))
        {
            errors.Add($"source '{Source}' is invalid: expected 1-64 of lower-case letters, digits and '-'.");
        }

        if (DryRun == false && configuredDryRun)
        {
            errors.Add("dryRun=false was requested, but this function is configured with DRY_RUN=true; set DRY_RUN=false to allow live runs.");
        }

        if (ClearLatch is not null)
        {
            errors.Add("clearLatch is accepted only by the expire function, alone in the payload: {\"clearLatch\": {\"reason\": \"...\"}}.");
        }

        var imageIds = Check(ImageIds, "imageIds", id => ImageIdPattern().IsMatch(id), "is not an AMI id (ami- followed by 8 to 17 lower-case hex digits)", errors);
        var families = Check(Families, "families", f => f.Length is > 0 and <= 128 && !f.Any(char.IsControl), "is not a family name (1-128 characters, no control characters)", errors);
        if (errors.Count > 0)
        {
            throw new InvalidEventException($"The {function} function rejected its input: {string.Join(" ", errors)}");
        }

        var scheduled = string.Equals(source, ScheduleSource, StringComparison.Ordinal);
        return new SweepRequest(source, DryRun ?? (configuredDryRun || !scheduled), families, imageIds);
    }

    private static HashSet<string>? Check(
        IReadOnlyList<string>? values, string field, Func<string, bool> isValid, string problem, List<string> errors)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count == 0)
        {
            errors.Add($"{field} is empty: leave it out to select everything.");
            return null;
        }

        if (values.Count > MaxSelectors)
        {
            errors.Add($"{field} has {values.Count} entries; at most {MaxSelectors} are allowed.");
        }

        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i]?.Trim();
            if (value is null || !isValid(value))
            {
                errors.Add($"{field}[{i}] '{Quote.Cap(values[i])}' {problem}.");
            }
            else
            {
                set.Add(value);
            }
        }

        return set;
    }

    [GeneratedRegex("^ami-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageIdPattern();

    [GeneratedRegex("^[a-z0-9-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePattern();
}
