package org.hotline.gateway;

import org.hotline.gateway.cli.FlowCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HotlineGatewayApplication {
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("flow")) {
            System.exit(FlowCommand.run(args, System.in, System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("telegram")) {
            System.exit(org.hotline.gateway.chat.telegram.TelegramCommand.run(args, System.getenv(), System.out, System.err));
        }
        if (args.length > 0 && args[0].equals("prompts")) {
            System.exit(org.hotline.gateway.cli.PromptsCommand.run(args, System.out, System.err));
        }
        SpringApplication.run(HotlineGatewayApplication.class, args);
    }
}
