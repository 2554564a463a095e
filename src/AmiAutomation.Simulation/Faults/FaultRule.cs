using System.Net;

namespace AmiAutomation.Simulation.Faults;

/// <summary>An injected failure: calls of <see cref="Action"/> (any action when null) in <see cref="Region"/>
/// (any when null) fail with <see cref="ErrorCode"/> and <see cref="StatusCode"/>; <see cref="Remaining"/> null = always.</summary>
internal sealed class FaultRule
{
    public string? Action { get; init; }
    public string? Region { get; init; }
    public required string ErrorCode { get; init; }
    public required HttpStatusCode StatusCode { get; init; }
    public required string Message { get; init; }
    public int? Remaining { get; set; }

    public bool Applies(string action, string region) =>
        (Action is null || Action == action) && (Region is null || Region == region) && Remaining is null or > 0;
}
