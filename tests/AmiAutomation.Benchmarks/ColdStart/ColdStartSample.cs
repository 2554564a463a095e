namespace AmiAutomation.Benchmarks.ColdStart;

/// <summary>One cold start: process start → first <c>next</c> request, and → first response posted, in milliseconds.</summary>
internal readonly record struct ColdStartSample(double FirstNextMs, double FirstResponseMs);
