namespace AmiAutomation.Cli.Simulation;

/// <summary>The restore performed during a simulated run and what the world looked like afterwards.</summary>
public sealed record RestoreReport(
    int Day,
    string Region,
    string ImageId,
    string Name,
    int ExpiredOnDay,
    bool Succeeded,
    bool AvailableAfterwards,
    string Response);
