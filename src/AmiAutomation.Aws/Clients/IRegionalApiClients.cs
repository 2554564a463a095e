using AmiAutomation.Aws.AutoScaling;
using AmiAutomation.Aws.RecycleBin;

namespace AmiAutomation.Aws.Clients;

/// <summary>Clients per region for the services we call without an AWS SDK package (Auto Scaling, the Recycle Bin API).
/// Real AWS through our signed client, moto through endpoint overrides, or the in-memory simulator.</summary>
public interface IRegionalApiClients
{
    IAutoScalingClient AutoScaling(string region);

    IRecycleBinRules RecycleBinRules(string region);
}
