using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Functions.Tests.Copy;

/// <summary>One moto_server for the copy function's end-to-end test.</summary>
[CollectionDefinition(Name)]
public sealed class CopyMotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "copy-moto";
}
