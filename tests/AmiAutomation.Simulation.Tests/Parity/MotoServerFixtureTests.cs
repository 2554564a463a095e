using AmiAutomation.TestKit.Moto;
using Amazon.DynamoDBv2.Model;
using Amazon.EC2.Model;

namespace AmiAutomation.Simulation.Tests.Parity;

[Collection(MotoCollection.Name)]
public sealed class MotoServerFixtureTests(MotoServerFixture moto) : IAsyncLifetime
{
    public Task InitializeAsync() => moto.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ServesEc2AndDynamoDbOnLoopback_ResetClearsState()
    {
        Assert.StartsWith("http://127.0.0.1:", moto.ServiceUrl, StringComparison.Ordinal);
        using var ec2 = moto.CreateEc2Client("us-east-1");
        using var dynamo = moto.CreateDynamoDbClient("us-east-1");
        Assert.Equal(0, ec2.Config.MaxErrorRetry);

        await ec2.RunInstancesAsync(new RunInstancesRequest { ImageId = "ami-12345678", MinCount = 1, MaxCount = 1 });
        await dynamo.CreateTableAsync(new CreateTableRequest
        {
            TableName = "ledger",
            KeySchema = [new KeySchemaElement("pk", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("pk", Amazon.DynamoDBv2.ScalarAttributeType.S)],
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        });
        Assert.Contains("ledger", (await dynamo.ListTablesAsync(new ListTablesRequest())).TableNames);
        Assert.Single((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);

        await moto.ResetAsync();

        Assert.Null((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest())).Reservations);
        Assert.Empty((await dynamo.ListTablesAsync(new ListTablesRequest())).TableNames ?? []);
    }

    [Fact]
    public async Task DefaultAmisAreNotLoaded()
    {
        using var ec2 = moto.CreateEc2Client("eu-west-1");

        var images = await ec2.DescribeImagesAsync(new DescribeImagesRequest());

        Assert.Null(images.Images);
    }
}
