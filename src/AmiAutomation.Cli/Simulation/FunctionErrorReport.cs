namespace AmiAutomation.Cli.Simulation;

/// <summary>A function error (Lambda's errorType/errorMessage) with the day and invocation it came from.</summary>
public sealed record FunctionErrorReport(int Day, string Function, string Region, string RequestId, string ErrorType, string ErrorMessage);
