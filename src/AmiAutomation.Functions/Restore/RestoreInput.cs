using System.Text.Json.Serialization;
using AmiAutomation.Core.Restore;
using AmiAutomation.Runtime.Functions;

namespace AmiAutomation.Functions.Restore;

/// <summary>
/// The restore function's payload, one of:
/// <c>{"action": "list"}</c>; <c>{"imageId": "ami-…"}</c>; <c>{"name": "…"}</c>; <c>{"family": "…"}</c>;
/// <c>{"enable": ["ami-…", …]}</c> (EnableImage on disabled images, see docs/disable-stage.md); each form but list
/// optionally with <c>"dryRun": true|false</c> (and <c>"action": "restore"</c> for the restore forms). Unknown fields are rejected, so
/// a misspelt field fails loudly instead of restoring something else. Self-healing (<c>AUTO_ENABLE_ON_DEMAND</c>) also
/// sends EventBridge events here: the envelope fields below (read by <see cref="OnDemand.LaunchFailureParser"/>).
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record RestoreInput
{
    public const string ListAction = "list";
    public const string RestoreAction = "restore";
    public const string EnableAction = "enable";
    public const int MaxNameLength = 128;

    /// <summary>Most image ids one <c>enable</c> payload may name.</summary>
    public const int MaxEnableImages = 50;

    /// <summary><c>list</c> or <c>restore</c> (default when a target is given).</summary>
    public string? Action { get; init; }

    public string? ImageId { get; init; }

    /// <summary>The AMI name; the most recently deregistered match is restored.</summary>
    public string? Name { get; init; }

    /// <summary>The family; the most recently deregistered match is restored.</summary>
    public string? Family { get; init; }

    /// <summary>Disabled images to enable (EnableImage, recorded launch permissions re-applied, held).</summary>
    public IReadOnlyList<string>? Enable { get; init; }

    /// <summary>
    /// <c>true</c> forces a dry run. <c>false</c> asks for a live restore and is honoured only when the function is
    /// configured with <c>DRY_RUN=false</c>; otherwise the payload is rejected, never silently upgraded.
    /// Absent: the configured <c>DRY_RUN</c> applies.
    /// </summary>
    public bool? DryRun { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("detail-type")]
    public string? DetailType { get; init; }

    [JsonPropertyName("source")]
    public string? Source { get; init; }

    [JsonPropertyName("account")]
    public string? Account { get; init; }

    [JsonPropertyName("time")]
    public string? Time { get; init; }

    [JsonPropertyName("region")]
    public string? Region { get; init; }

    [JsonPropertyName("resources")]
    public IReadOnlyList<string>? Resources { get; init; }

    /// <summary>The event's detail, read per event kind by <see cref="OnDemand.LaunchFailureParser"/>.</summary>
    [JsonPropertyName("detail")]
    public System.Text.Json.JsonElement? Detail { get; init; }

    /// <summary>Set by EventBridge when an archived event is replayed.</summary>
    [JsonPropertyName("replay-name")]
    public string? ReplayName { get; init; }

    /// <summary>True when the payload is an EventBridge event rather than a request by hand.</summary>
    public bool HasEnvelope =>
        Version is not null || Id is not null || DetailType is not null || Source is not null || Account is not null
        || Time is not null || Region is not null || Resources is not null || Detail is not null || ReplayName is not null;

    /// <summary>Checks the payload and combines it with the configured dry-run default.</summary>
    /// <exception cref="InvalidEventException">Unknown action, no target, several targets, empty or too long values,
    /// or dryRun=false against DRY_RUN=true (every problem named).</exception>
    /// <exception cref="RestoreInvalidImageIdException"><c>imageId</c> is not an AMI id.</exception>
    public RestoreRequest Resolve(string function, bool configuredDryRun)
    {
        if (Enable is not null)
        {
            return ResolveEnable(function, configuredDryRun);
        }

        var errors = new List<string>();
        var action = Action?.Trim().ToLowerInvariant();
        if (action is not (null or ListAction or RestoreAction))
        {
            errors.Add($"action '{Action}' is not one of: {ListAction}, {RestoreAction}.");
        }

        var given = new (string Field, string? Value)[] { ("imageId", ImageId), ("name", Name), ("family", Family) }
            .Where(t => t.Value is not null)
            .ToList();
        if (action == ListAction && given.Count > 0)
        {
            errors.Add($"action '{ListAction}' takes no {string.Join(" or ", given.Select(g => g.Field))}: list the bin, or restore one image.");
        }
        else if (action != ListAction && given.Count == 0)
        {
            errors.Add("nothing to do: give one of imageId, name or family to restore, or {\"action\": \"list\"}.");
        }
        else if (given.Count > 1)
        {
            errors.Add($"give only one of imageId, name or family; got {string.Join(" and ", given.Select(g => g.Field))}.");
        }

        foreach (var (field, value) in given)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{field} is empty.");
            }
            else if (value.Trim().Length > MaxNameLength)
            {
                errors.Add($"{field} is {value.Trim().Length} characters long; at most {MaxNameLength} are allowed.");
            }
        }

        if (DryRun == false && configuredDryRun)
        {
            errors.Add("dryRun=false was requested, but this function is configured with DRY_RUN=true; set DRY_RUN=false to allow live restores.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidEventException($"The {function} function rejected its input: {string.Join(" ", errors)}");
        }

        var dryRun = DryRun ?? configuredDryRun;
        if (action == ListAction)
        {
            return RestoreRequest.List(dryRun);
        }

        var (kind, text) = given[0];
        var trimmed = text!.Trim();
        if (kind == "imageId" && !ResourceIdFormat.IsImageId(trimmed))
        {
            throw RestoreInvalidImageIdException.For(text);
        }

        var target = kind switch
        {
            "imageId" => RestoreTarget.ForImageId(trimmed),
            "name" => RestoreTarget.ForName(trimmed),
            _ => RestoreTarget.ForFamily(trimmed),
        };
        return RestoreRequest.For(target, dryRun);
    }

    private RestoreRequest ResolveEnable(string function, bool configuredDryRun)
    {
        var errors = new List<string>();
        var others = new (string Field, string? Value)[] { ("action", Action), ("imageId", ImageId), ("name", Name), ("family", Family) }
            .Where(t => t.Value is not null)
            .Select(t => t.Field)
            .ToList();
        if (others.Count > 0)
        {
            errors.Add($"enable takes only a list of image ids (and dryRun), not {string.Join(" or ", others)}.");
        }

        var ids = Enable!.Select(id => id?.Trim() ?? string.Empty).ToList();
        if (ids.Count == 0)
        {
            errors.Add("enable is empty: name at least one image id.");
        }
        else if (ids.Count > MaxEnableImages)
        {
            errors.Add($"enable names {ids.Count} images; at most {MaxEnableImages} per call.");
        }

        var bad = ids.Where(id => !ResourceIdFormat.IsImageId(id)).ToList();
        if (bad.Count > 0)
        {
            errors.Add($"not AMI ids (ami- and 8 to 17 lowercase hex digits): {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
        }

        if (DryRun == false && configuredDryRun)
        {
            errors.Add("dryRun=false was requested, but this function is configured with DRY_RUN=true; set DRY_RUN=false to allow live enables.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidEventException($"The {function} function rejected its input: {string.Join(" ", errors)}");
        }

        return RestoreRequest.ForEnable([.. ids.Distinct(StringComparer.Ordinal)], DryRun ?? configuredDryRun);
    }
}
