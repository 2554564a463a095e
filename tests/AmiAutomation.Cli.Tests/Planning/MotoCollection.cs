using AmiAutomation.TestKit.Moto;

namespace AmiAutomation.Cli.Tests.Planning;

[CollectionDefinition("moto")]
public sealed class MotoCollection : ICollectionFixture<MotoServerFixture>;
