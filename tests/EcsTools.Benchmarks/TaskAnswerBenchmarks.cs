using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EcsTools.Engine.Model;

namespace EcsTools.Benchmarks;

/// <summary>
/// One RunTask answer (as LocalEcs sends it for a Fargate task) read by the hand-written reader Start-EcsTask uses and by
/// the generated System.Text.Json types that read it before.
/// </summary>
[MemoryDiagnoser]
public class TaskAnswerBenchmarks
{
    private static readonly byte[] s_answer = Encoding.UTF8.GetBytes(@"{""tasks"":[{""attachments"":[{""id"":""3ec72995-ad1c-4147-864c-de9470fd1c40"",""type"":""ElasticNetworkInterface"",""status"":""PRECREATED"",""details"":[{""name"":""subnetId"",""value"":""subnet-0a1b2c3d4e5f60718""},{""name"":""networkInterfaceId"",""value"":""eni-006258edf6adfa0c1""},{""name"":""macAddress"",""value"":""0e:eb:86:4c:e9:79""},{""name"":""privateDnsName"",""value"":""ip-10-0-57-105.ec2.internal""},{""name"":""privateIPv4Address"",""value"":""10.0.57.105""}]}],""attributes"":[{""name"":""ecs.cpu-architecture"",""value"":""x86_64""}],""availabilityZone"":""us-east-1a"",""clusterArn"":""arn:aws:ecs:us-east-1:123456789012:cluster/demo"",""containers"":[{""containerArn"":""arn:aws:ecs:us-east-1:123456789012:container/demo/e55981226a2c9ed9cdbd4d523270dd79/cb10855a-705f-47fa-b4e1-3f634a50d7ff"",""taskArn"":""arn:aws:ecs:us-east-1:123456789012:task/demo/e55981226a2c9ed9cdbd4d523270dd79"",""name"":""web"",""image"":""public.ecr.aws/nginx/nginx:1.27"",""lastStatus"":""PENDING"",""networkInterfaces"":[{""attachmentId"":""3ec72995-ad1c-4147-864c-de9470fd1c40"",""privateIpv4Address"":""10.0.57.105""}],""healthStatus"":""UNKNOWN"",""cpu"":""0""}],""cpu"":""256"",""createdAt"":1796458689.652,""desiredStatus"":""RUNNING"",""enableExecuteCommand"":false,""group"":""family:fargate-web"",""healthStatus"":""UNKNOWN"",""lastStatus"":""PROVISIONING"",""launchType"":""FARGATE"",""memory"":""512"",""overrides"":{""containerOverrides"":[{""name"":""web""}],""inferenceAcceleratorOverrides"":[]},""platformVersion"":""1.4.0"",""platformFamily"":""Linux"",""taskArn"":""arn:aws:ecs:us-east-1:123456789012:task/demo/e55981226a2c9ed9cdbd4d523270dd79"",""taskDefinitionArn"":""arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-web:1"",""version"":1,""ephemeralStorage"":{""sizeInGiB"":20},""fargateEphemeralStorage"":{""sizeInGiB"":20}}],""failures"":[]}");

    [Benchmark(Baseline = true)]
    public int GeneratedTypes() => JsonSerializer.Deserialize(s_answer, EcsJsonContext.Default.RunTaskResponse)!.Tasks!.Count;

    [Benchmark]
    public int LeanReader() => TaskAnswerReader.ReadRunTask(s_answer).Tasks!.Count;
}
