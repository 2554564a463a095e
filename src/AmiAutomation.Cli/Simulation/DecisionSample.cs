namespace AmiAutomation.Cli.Simulation;

/// <summary>One acting decision as a function reported it.</summary>
public sealed record DecisionSample(
    int Day,
    string Function,
    string Region,
    string ImageId,
    string Name,
    string Action,
    string Reason,
    string Outcome,
    string? Detail);
