namespace AmiAutomation.Functions.Tests.Common;

/// <summary>Fluent environment settings for <see cref="SweepHarness"/>.</summary>
public sealed class HarnessOptions(SweepHarness harness)
{
    public HarnessOptions Set(string name, string value)
    {
        harness.Environment[name] = value;
        return this;
    }
}
