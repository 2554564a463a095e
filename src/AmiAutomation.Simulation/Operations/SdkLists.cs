using Amazon;

namespace AmiAutomation.Simulation.Operations;

/// <summary>
/// The SDK leaves an absent or empty list <c>null</c> unless <see cref="AWSConfigs.InitializeCollections"/> is on
/// (seen against moto: an empty DescribeImages gives <c>Images == null</c>). The simulator answers the same way so
/// callers meet the nulls here before they meet them in AWS.
/// </summary>
internal static class SdkLists
{
    public static List<T>? OrNull<T>(List<T> list) =>
        list.Count == 0 && !AWSConfigs.InitializeCollections ? null : list;
}
