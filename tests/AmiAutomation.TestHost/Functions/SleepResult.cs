namespace AmiAutomation.TestHost.Functions;

internal sealed record SleepResult(int Slept);
