using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.Clients;
using AmiAutomation.Aws.RecycleBin;

namespace AmiAutomation.Aws.Tests.Support;

/// <summary>One <see cref="FakeAutoScaling"/> for every region; no Recycle Bin rules client.</summary>
internal sealed class FakeApis(FakeAutoScaling? autoScaling = null) : IRegionalApiClients
{
    public FakeAutoScaling AutoScalingClient { get; } = autoScaling ?? new FakeAutoScaling();

    public IAutoScalingClient AutoScaling(string region) => AutoScalingClient;

    public IRecycleBinRules RecycleBinRules(string region) => throw new NotSupportedException("The inventory tests read no Recycle Bin rules.");
}
