using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Simulation.Tests.Parity;

/// <summary>One moto_server for every parity test class (started by <see cref="MotoServerFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>
{
    public const string Name = "moto";
}
